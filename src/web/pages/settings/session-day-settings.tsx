import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { SessionDaySettings } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { Facts } from '../referrals/shared/facts'
import { notifyDone } from '../referrals/shared/notify'
import { CATEGORIES, CATEGORY_WORDS, noticeWords, settingsFacts } from './session-day-settings-words'

export const sessionDaySettingsKey = ['session-day-settings'] as const

/** An emptied number box holds '' whatever its type says; say 0 until a number is typed. */
const wholeDays = (value: number | string): number => (typeof value === 'number' ? value : 0)

const LEGEND = { legend: { fontWeight: 700, marginBottom: 4 } }

/** The rules of the session day: incidents, records, lateness, warnings, feedback. Administrators change them. */
export function SessionDaySettingsCard({ isAdmin }: { isAdmin: boolean }) {
  const headingId = useId()
  const settings = useQuery({
    queryKey: sessionDaySettingsKey,
    queryFn: () => call(api.GET('/api/session-day-settings')),
  })
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb={4}>
        The session day
      </Title>
      <Text c="dimmed" mb="md">
        {isAdmin
          ? 'When referrers hear of incidents, when records are due, what counts as late, and the steps before a family loses its place.'
          : 'When referrers hear of incidents, when records are due, what counts as late, and the steps before a family loses its place. An administrator can change them.'}
      </Text>
      {settings.isPending ? <Loading label="Loading the session-day rules" /> : null}
      <FormError error={settings.error} title="We could not load the session-day rules" />
      {settings.data && isAdmin ? <SettingsForm settings={settings.data} /> : null}
      {settings.data && !isAdmin ? <Facts facts={settingsFacts(settings.data)} /> : null}
    </Card>
  )
}

function SettingsForm({ settings }: { settings: SessionDaySettings }) {
  const queryClient = useQueryClient()
  const form = useForm<SessionDaySettings>({
    initialValues: settings,
    validate: {
      referrerNoticeTime: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter a time such as 10:00'),
    },
  })
  const { setInitialValues, setValues } = form
  useEffect(() => {
    setInitialValues(settings)
    setValues(settings)
  }, [settings, setInitialValues, setValues])
  const save = useMutation({
    mutationFn: (values: SessionDaySettings) =>
      call(api.PATCH('/api/session-day-settings', { body: values })),
    onSuccess: (saved) => {
      queryClient.setQueryData(sessionDaySettingsKey, saved)
      notifyDone('Saved', 'The session-day rules are up to date.')
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  const values = form.getValues()
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label="The session-day rules">
      <Stack gap="lg">
        <Fieldset legend="Telling the referrer of an incident" variant="unstyled" styles={LEGEND}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
            <TextInput
              label="By this time"
              type="time"
              required
              {...form.getInputProps('referrerNoticeTime')}
            />
            <NumberInput
              label="Working days after the incident"
              description="0 for the same day. Working days are Monday to Friday."
              min={0}
              max={10}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('referrerNoticeWorkingDays')}
            />
          </SimpleGrid>
          <Text size="sm" mt="xs">
            {noticeWords(values.referrerNoticeTime, wholeDays(values.referrerNoticeWorkingDays))}.
          </Text>
        </Fieldset>
        <Fieldset legend="Records, lateness and warnings" variant="unstyled" styles={LEGEND}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label="Observation records released within"
              description="Working days after a supervised session."
              min={1}
              max={30}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('observationDueWorkingDays')}
            />
            <NumberInput
              label="Late after"
              description="Minutes past a parent’s own arrival time."
              min={0}
              max={120}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('lateAfterMinutes')}
            />
            <NumberInput
              label="Written warnings before suspension"
              description="In a year, before suspension is suggested."
              min={1}
              max={10}
              allowDecimal={false}
              clampBehavior="strict"
              {...form.getInputProps('warningsBeforeSuspension')}
            />
          </SimpleGrid>
        </Fieldset>
        <Checkbox.Group
          label="Incidents that cost the family its place at once"
          description="After one of these, the steps suggest withdrawing the place rather than a warning."
          {...form.getInputProps('zeroToleranceCategories')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} label={CATEGORY_WORDS[category]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Switch
          size="md"
          label="Ask parents how each session went"
          description="Parents see four quick questions with faces in My family after each session."
          {...form.getInputProps('feedbackOn', { type: 'checkbox' })}
        />
        <FormError error={save.error} title="The rules were not saved" />
        <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
          Save the session-day rules
        </Button>
      </Stack>
    </form>
  )
}
