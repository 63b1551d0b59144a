import { Alert, Button, Checkbox, List, Stack, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type SyntheticEvent, type ReactNode } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { SelfReferralReceipt, ServiceType } from '../../api/types'
import { FormError } from '../../components/form-error'
import { AboutYouFields } from './about-you-fields'
import { RequestFields } from './request-fields'
import { SafetyFields } from './safety-fields'
import { SelfChildrenFields } from './self-children-fields'
import {
  emptySelfReferral,
  selfReferralProblems,
  SERVER_PATHS,
  toSelfReferralBody,
  type SelfReferralValues,
} from './self-referral-values'

interface Props {
  centreId: string
  centreName: string
  services: ServiceType[]
  onSent: (receipt: SelfReferralReceipt) => void
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {number}. {title}
      </Title>
      {children}
    </Stack>
  )
}

/** A parent's own application, in five short steps. */
export function SelfReferralForm({ centreId, centreName, services, onSent }: Props) {
  const form = useForm<SelfReferralValues>({ initialValues: emptySelfReferral() })
  const [problems, setProblems] = useState<string[]>([])
  const summaryRef = useRef<HTMLDivElement>(null)
  const send = useMutation({
    mutationFn: (values: SelfReferralValues) =>
      call(
        api.POST('/api/public/centres/{centreId}/self-referrals', {
          params: { path: { centreId } },
          body: toSelfReferralBody(values),
        }),
      ),
    onSuccess: onSent,
    onError: (error) => {
      if (!(error instanceof ApiError)) return
      const errors: Record<string, string> = {}
      for (const [path, message] of Object.entries(error.fieldErrors()))
        errors[SERVER_PATHS[path] ?? path] = message
      form.setErrors(errors)
    },
  })
  const handleSubmit = (event: SyntheticEvent) => {
    event.preventDefault()
    const found = selfReferralProblems(form.getValues())
    form.setErrors(found)
    setProblems(Object.values(found))
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    send.mutate(form.getValues())
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="xl">
        <Step number={1} title="About you">
          <AboutYouFields form={form} />
        </Step>
        <Step number={2} title="Your children">
          <SelfChildrenFields form={form} />
        </Step>
        <Step number={3} title="What you are asking for">
          <RequestFields form={form} services={services} />
        </Step>
        <Step number={4} title="Keeping everyone safe">
          <SafetyFields form={form} />
        </Step>
        <Step number={5} title="Send your application">
          <Checkbox
            label={`I agree that ${centreName} may keep these details to arrange contact for my children`}
            size="md"
            {...form.getInputProps('consent', { type: 'checkbox' })}
          />
          {/* A field people never see: form-filling robots fill it in, and their forms are dropped. */}
          <div aria-hidden="true" className="sr-only">
            <label>
              Website
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                {...form.getInputProps('website')}
              />
            </label>
          </div>
          {problems.length > 0 ? (
            <Alert
              ref={summaryRef}
              tabIndex={-1}
              color="red"
              variant="light"
              title="A few things are still needed"
              icon={<IconAlertCircle aria-hidden="true" />}
              role="alert"
            >
              <List size="sm" spacing={2}>
                {problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <FormError error={send.error} title="Your application was not sent" />
          <Button type="submit" size="lg" loading={send.isPending} fullWidth>
            Send my application
          </Button>
        </Step>
      </Stack>
    </form>
  )
}
