import { Button, Card, Fieldset, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, ApiError, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { parseAlertDays } from '../../volunteering-words'
import { Facts } from '../referrals/shared/facts'
import { notifyDone } from '../referrals/shared/notify'
import type { VolunteeringSettings } from '../volunteers/types'
import classes from './settings.module.css'

export const volunteeringSettingsKey = ['volunteering-settings'] as const

type Values = Omit<VolunteeringSettings, 'alertDays'> & { alertDays: string }

interface NumberField {
  path: string
  label: string
  min: number
  max: number
}

const GROUPS: { legend: string; fields: NumberField[] }[] = [
  {
    legend: 'Recruitment',
    fields: [
      { path: 'referencesRequired', label: 'References before the DBS check', min: 0, max: 5 },
      { path: 'minimumAge', label: 'Minimum age of a volunteer', min: 16, max: 25 },
      { path: 'mentoringMonths', label: 'Months of the mentored first year', min: 0, max: 24 },
      { path: 'policyGraceDays', label: 'Days to read a new policy version', min: 0, max: 180 },
    ],
  },
  {
    legend: 'The team and the rota',
    fields: [
      { path: 'targetHeadcount', label: 'Team size aimed for', min: 0, max: 500 },
      { path: 'maxShiftsPerMonth', label: 'Usual most shifts a month', min: 1, max: 31 },
      { path: 'staffing.teamLeaders', label: 'Team leaders at each opening', min: 0, max: 5 },
      { path: 'staffing.floor', label: 'Floor volunteers at each opening', min: 0, max: 30 },
      { path: 'staffing.reception', label: 'Reception volunteers at each opening', min: 0, max: 5 },
      { path: 'escortsPerVisit', label: 'Escorts for each escorted visit', min: 1, max: 3 },
    ],
  },
  {
    legend: 'Expenses',
    fields: [{ path: 'mileagePencePerMile', label: 'Mileage paid, pence per mile', min: 0, max: 200 }],
  },
]
const NUMBERS = GROUPS.flatMap((g) => g.fields)
const LEGEND = { legend: { fontWeight: 700, marginBottom: 4 } }

const toValues = (s: VolunteeringSettings): Values => ({ ...s, alertDays: s.alertDays.join(', ') })

/** The organisation's volunteering rules; administrators change them, coordinators see them. */
export function VolunteeringRules({ isAdmin }: { isAdmin: boolean }) {
  const settings = useQuery({
    queryKey: volunteeringSettingsKey,
    queryFn: () => call(api.GET('/api/volunteering-settings')),
  })
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="volunteering-rules-heading"
    >
      <Title order={3} id="volunteering-rules-heading" mb={4}>
        Rules
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Reminders, references, the mentored year and how many people each opening needs.
      </Text>
      {settings.isPending ? <Loading label="Loading the volunteering rules" /> : null}
      <FormError error={settings.error} title="We could not load the volunteering rules" />
      {settings.data && isAdmin ? <RulesForm settings={settings.data} /> : null}
      {settings.data && !isAdmin ? <RulesFacts settings={settings.data} /> : null}
    </Card>
  )
}

function RulesFacts({ settings }: { settings: VolunteeringSettings }) {
  const values = toValues(settings) as unknown as Record<string, unknown>
  const valueOf = (path: string): unknown =>
    path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], values)
  return (
    <Facts
      facts={[
        { label: 'Reminder days before an expiry', value: values.alertDays as string },
        ...NUMBERS.map((n) => ({ label: n.label, value: String(valueOf(n.path)) })),
      ]}
    />
  )
}

function RulesForm({ settings }: { settings: VolunteeringSettings }) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    initialValues: toValues(settings),
    validate: {
      alertDays: (v) =>
        parseAlertDays(v) ? null : 'Up to 6 numbers of days from 1 to 365, such as 60, 30, 7',
    },
  })
  const { setInitialValues, setValues } = form
  useEffect(() => {
    setInitialValues(toValues(settings))
    setValues(toValues(settings))
  }, [settings, setInitialValues, setValues])
  const save = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.PATCH('/api/volunteering-settings', {
          body: { ...values, alertDays: parseAlertDays(values.alertDays) ?? settings.alertDays },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(volunteeringSettingsKey, saved)
      notifyDone('Saved', 'The volunteering rules are up to date.')
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <TextInput
          label="Reminder days before an expiry"
          description="The volunteer and the coordinator are told this many days before, e.g. 60, 30, 7."
          maw={420}
          {...form.getInputProps('alertDays')}
        />
        {GROUPS.map((group) => (
          <Fieldset key={group.legend} legend={group.legend} variant="unstyled" styles={LEGEND}>
            <div className={classes.fields}>
              {group.fields.map((n) => (
                <NumberInput
                  key={n.path}
                  label={n.label}
                  min={n.min}
                  max={n.max}
                  allowDecimal={false}
                  clampBehavior="strict"
                  {...form.getInputProps(n.path)}
                />
              ))}
            </div>
          </Fieldset>
        ))}
        <FormError error={save.error} title="The rules were not saved" />
        <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
          Save the rules
        </Button>
      </Stack>
    </form>
  )
}
