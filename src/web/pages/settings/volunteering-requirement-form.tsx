import { Button, Checkbox, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, ApiError, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'
import { FormError } from '../../components/form-error'
import { DUTY_LABELS, GIVEN_DUTIES, KIND_LABELS } from '../../volunteering-words'
import { ActionPanel } from '../referrals/detail/action-panel'
import { notifyDone } from '../referrals/shared/notify'
import { requirementsKey, volunteersKey } from '../volunteers/queries'
import type { Gate, RequirementKind, RequirementView } from '../volunteers/types'
import classes from './settings.module.css'

interface Values {
  code: string
  title: string
  kind: RequirementKind
  mandatory: boolean
  validMonths: number | string
  dueDays: number | string
  gates: Gate[]
  archived: boolean
}

const GATE_OPTIONS: { value: Gate; label: string }[] = [
  { value: '*', label: 'Every shift' },
  ...GIVEN_DUTIES.map((d) => ({ value: d, label: DUTY_LABELS[d] })),
]
const KINDS: RequirementKind[] = ['training', 'qualification', 'checklist', 'dbs', 'policies']
const numberOrNull = (v: number | string) => (v === '' ? null : Number(v))

/** Adds a requirement, or changes one (its code and kind stay as they were). Administrators only. */
export function RequirementForm({
  requirement,
  onDone,
}: {
  requirement?: RequirementView
  onDone: () => void
}) {
  const form = useForm<Values>({
    initialValues: {
      code: requirement?.code ?? '',
      title: requirement?.title ?? '',
      kind: requirement?.kind ?? 'training',
      mandatory: requirement?.mandatory ?? true,
      validMonths: requirement?.validMonths ?? '',
      dueDays: requirement?.dueDays ?? '',
      gates: requirement?.gates ?? ['*'],
      archived: requirement?.archived ?? false,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a title'),
      code: (v) =>
        requirement || /^[a-z0-9_]{2,40}$/.test(v) ? null : 'Use lower-case letters, digits and _',
    },
  })
  const save = useReloadingAction(
    [requirementsKey, volunteersKey],
    (values: Values) => {
      const common = {
        title: values.title.trim(),
        mandatory: values.mandatory,
        validMonths: numberOrNull(values.validMonths),
        dueDays: numberOrNull(values.dueDays),
        gates: values.gates,
      }
      if (requirement)
        return call(
          api.PATCH('/api/volunteer-requirements/{requirementId}', {
            params: { path: { requirementId: requirement.id } },
            body: { ...common, archived: values.archived },
          }),
        )
      return call(
        api.POST('/api/volunteer-requirements', {
          body: { ...common, code: values.code, kind: values.kind },
        }),
      )
    },
    (saved) => {
      notifyDone('Saved', `${saved.title}: every volunteer’s status follows at once.`)
      onDone()
    },
  )
  return (
    <ActionPanel title={requirement ? `Change: ${requirement.title}` : 'Add a requirement'}>
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <TextInput label="Title" required {...form.getInputProps('title')} />
          {requirement ? null : (
            <div className={classes.fields}>
              <TextInput
                label="Short code"
                description="For example first_aid."
                required
                {...form.getInputProps('code')}
              />
              <Select
                label="Kind"
                data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
            </div>
          )}
          <div className={classes.fields}>
            <NumberInput
              label="Lasts for (months)"
              description="Leave empty if it does not expire."
              min={1}
              max={240}
              allowDecimal={false}
              {...form.getInputProps('validMonths')}
            />
            <NumberInput
              label="Deadline after starting (days)"
              description="Leave empty if it is needed before starting."
              min={0}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('dueDays')}
            />
          </div>
          <Checkbox.Group
            label="Without it they cannot do"
            description="Leave all unticked to keep it for the record only."
            {...form.getInputProps('gates')}
          >
            <Group mt={6}>
              {GATE_OPTIONS.map((g) => (
                <Checkbox key={g.value} value={g.value} label={g.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch label="Everyone must have it" {...form.getInputProps('mandatory', { type: 'checkbox' })} />
          {requirement ? (
            <Switch
              label="Retired: no longer asked for"
              {...form.getInputProps('archived', { type: 'checkbox' })}
            />
          ) : null}
          <FormError error={save.error} title="The requirement was not saved" />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {requirement ? 'Save the requirement' : 'Add the requirement'}
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
