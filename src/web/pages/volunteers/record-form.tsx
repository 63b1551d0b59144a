import { Button, Checkbox, Group, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { api, ApiError, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'
import { todayLocal } from '../../volunteering-dates'
import { DBS_LEVEL_LABELS } from '../../volunteering-words'
import { ActionPanel } from '../referrals/detail/action-panel'
import { notifyDone } from '../referrals/shared/notify'
import classes from './forms.module.css'
import { volunteersKey } from './queries'
import { Refusal } from './refusal'
import type { DbsLevel, RequirementState } from './types'

interface Values {
  completedOn: string
  expiresOn: string
  provider: string
  note: string
  level: DbsLevel
  certificateNumber: string
  onUpdateService: boolean
  updateServiceCheckedOn: string
  decision: 'cleared' | 'not_cleared'
}

const orNull = (value: string) => value.trim() || null

/**
 * Records that a requirement was met: a course done, a qualification seen, a DBS check. For a DBS
 * check only what the DBS Code of Practice allows is kept: the level, the certificate number and the
 * update service check, never what the certificate says.
 */
export function RecordForm({
  volunteerId,
  requirement,
  onDone,
}: {
  volunteerId: string
  requirement: RequirementState
  onDone: () => void
}) {
  const isDbs = requirement.kind === 'dbs'
  const today = todayLocal()
  const form = useForm<Values>({
    initialValues: {
      completedOn: today,
      expiresOn: '',
      provider: '',
      note: '',
      level: 'enhanced_barred',
      certificateNumber: '',
      onUpdateService: false,
      updateServiceCheckedOn: '',
      decision: 'cleared',
    },
    validate: {
      completedOn: (v) => {
        if (!v) return 'Give the date'
        return v > today ? 'The date cannot be in the future' : null
      },
      expiresOn: (v, values) => (v && v < values.completedOn ? 'It cannot expire before it was done' : null),
      certificateNumber: (v) =>
        isDbs && v.trim() && !/^\d{12}$/.test(v.replace(/\s/g, ''))
          ? 'A DBS certificate number has 12 digits'
          : null,
    },
  })
  const record = useReloadingAction(
    [volunteersKey],
    (values: Values) =>
      call(
        api.POST('/api/volunteers/{volunteerId}/records', {
          params: { path: { volunteerId } },
          body: {
            requirementId: requirement.requirementId,
            completedOn: values.completedOn,
            expiresOn: orNull(values.expiresOn),
            passed: isDbs ? values.decision === 'cleared' : true,
            provider: orNull(values.provider),
            note: orNull(values.note),
            dbs: isDbs
              ? {
                  level: values.level,
                  certificateNumber: orNull(values.certificateNumber.replace(/\s/g, '')),
                  onUpdateService: values.onUpdateService,
                  updateServiceCheckedOn: values.onUpdateService
                    ? orNull(values.updateServiceCheckedOn)
                    : null,
                }
              : null,
          },
        }),
      ),
    () => {
      notifyDone('Recorded', `${requirement.title} is recorded.`)
      onDone()
    },
  )
  const showFieldErrors = (error: Error) => {
    if (!(error instanceof ApiError)) return
    const fields = error.fieldErrors()
    form.setErrors({
      ...fields,
      ...(fields['dbs.certificateNumber'] ? { certificateNumber: fields['dbs.certificateNumber'] } : {}),
    })
  }
  return (
    <ActionPanel title={`Record: ${requirement.title}`}>
      <form
        onSubmit={form.onSubmit((values) => record.mutate(values, { onError: showFieldErrors }))}
        noValidate
      >
        <Stack>
          <div className={classes.fields}>
            <TextInput
              label={isDbs ? 'Certificate issued on' : 'Done on'}
              type="date"
              required
              max={today}
              {...form.getInputProps('completedOn')}
            />
            <TextInput
              label="Expires on (optional)"
              description="Leave empty to use the usual validity."
              type="date"
              {...form.getInputProps('expiresOn')}
            />
            <TextInput
              label={isDbs ? 'Checked by (optional)' : 'Provider (optional)'}
              description={isDbs ? 'For example the umbrella body.' : 'Who ran the course or issued it.'}
              {...form.getInputProps('provider')}
            />
          </div>
          {isDbs ? <DbsFields form={form} /> : null}
          <Textarea label="Note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
          <Refusal error={record.error} title="It was not recorded" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save the record
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}

function DbsFields({ form }: { form: UseFormReturnType<Values> }) {
  return (
    <Stack gap="sm">
      <Text size="sm">Only the level, the certificate number and the update service check are kept.</Text>
      <div className={classes.fields}>
        <Select
          label="Level"
          data={Object.entries(DBS_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
          allowDeselect={false}
          {...form.getInputProps('level')}
        />
        <TextInput
          label="Certificate number"
          description="12 digits."
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          {...form.getInputProps('certificateNumber')}
        />
      </div>
      <Checkbox
        label="On the DBS update service"
        {...form.getInputProps('onUpdateService', { type: 'checkbox' })}
      />
      {form.values.onUpdateService ? (
        <TextInput
          label="Update service checked on"
          type="date"
          maw={240}
          {...form.getInputProps('updateServiceCheckedOn')}
        />
      ) : null}
      <Radio.Group label="Decision" required {...form.getInputProps('decision')}>
        <Group mt={6}>
          <Radio value="cleared" label="Cleared to volunteer" />
          <Radio value="not_cleared" label="Not cleared" />
        </Group>
      </Radio.Group>
    </Stack>
  )
}
