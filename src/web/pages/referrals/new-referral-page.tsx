import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from './shared/notify'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type SyntheticEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { api, ApiError, call } from '../../api/client'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { AdultsFields } from './form/adults-fields'
import { ChildrenFields } from './form/children-fields'
import { CourtOrdersFields } from './form/court-orders-fields'
import { MissingList } from './form/missing-list'
import {
  emptyReferral,
  missingToSend,
  neededForIntake,
  toCreateBody,
  type ReferralValues,
} from './form/referral-values'
import { ReferrerFields } from './form/referrer-fields'
import { RiskFields } from './form/risk-fields'
import { SERVICE_LABELS, optionsOf } from './labels'
import { intakeOptionsQuery } from './queries'
import { Section } from './shared/section'

/** Moves keyboard focus to the first field with an error, once it has rendered. */
const focusFirstError = () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus())

/** A new referral, entered by staff from a call or a paper form, or sent by a referrer. */
export function NewReferralPage() {
  const options = useQuery(intakeOptionsQuery)
  return (
    <>
      <PageTitle
        title="New referral"
        intro="Everything the centre needs to decide on a place. What is still missing is listed by the send button."
      />
      {options.isPending ? <Loading label="Loading the form" /> : null}
      <FormError error={options.error} title="We could not load the form" />
      {options.data ? (
        <ReferralForm centres={options.data.centres} sources={options.data.referralSources} />
      ) : null}
    </>
  )
}

interface FormProps {
  centres: { id: string; name: string }[]
  sources: { code: string; label: string }[]
}

function ReferralForm({ centres, sources }: FormProps) {
  const { data: session } = useSession()
  const isDesk = hasRole(session, 'admin', 'coordinator')
  const me = { name: session?.user.displayName ?? '', email: session?.user.email ?? '' }
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const missingRef = useRef<HTMLDivElement>(null)
  const [tried, setTried] = useState(false)
  const form = useForm<ReferralValues>({
    initialValues: { ...emptyReferral(), centreId: centres.length === 1 ? (centres[0]?.id ?? '') : '' },
  })
  const values = form.getValues()
  const missing = missingToSend(values, isDesk)
  const create = useMutation({
    mutationFn: (v: ReferralValues) =>
      call(api.POST('/api/referrals', { body: toCreateBody(v, isDesk, me) })),
    onSuccess: async (referral) => {
      await queryClient.invalidateQueries({ queryKey: ['referrals'] })
      notifyDone('Referral saved', `Its reference is ${referral.reference}.`)
      await navigate(`/referrals/${referral.id}`)
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return
      form.setErrors(error.fieldErrors())
      focusFirstError()
    },
  })
  const handleSubmit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTried(true)
    if (missing.length > 0) {
      form.setErrors(Object.fromEntries(missing.map((p) => [p.path, p.message])))
      missingRef.current?.focus()
      return
    }
    form.clearErrors()
    create.mutate(values)
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="lg">
        <Section title="Centre and service">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Centre"
              data={centres.map((c) => ({ value: c.id, label: c.name }))}
              required
              {...form.getInputProps('centreId')}
            />
            <Select
              label={isDesk ? 'Who referred the family?' : 'What kind of referrer are you?'}
              data={sources.map((s) => ({ value: s.code, label: s.label }))}
              required
              {...form.getInputProps('sourceCode')}
            />
            <Select
              label="Service asked for"
              data={optionsOf(SERVICE_LABELS)}
              required
              {...form.getInputProps('serviceRequested')}
            />
            <TextInput
              label="How often"
              placeholder="For example: every other Sunday, 2 hours"
              {...form.getInputProps('frequencyRequested')}
            />
          </SimpleGrid>
        </Section>
        <Section title={isDesk ? 'Referrer' : 'About you'}>
          <ReferrerFields form={form} isDesk={isDesk} me={me} />
        </Section>
        <Section title="Children">
          <ChildrenFields form={form} />
        </Section>
        <Section title="Adults" intro="Both parents, and anyone else who may come or must not come.">
          <AdultsFields form={form} />
        </Section>
        <Section title="Court orders">
          <CourtOrdersFields form={form} />
        </Section>
        <Section title="Risks">
          <RiskFields form={form} />
        </Section>
        <MissingList ref={missingRef} missing={missing} needed={neededForIntake(values)} tried={tried} />
        <FormError error={create.error} title="The referral was not saved" />
        <Group>
          <Button type="submit" size="md" loading={create.isPending}>
            Send referral
          </Button>
          <Button component={Link} to="/referrals" variant="default" size="md">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
