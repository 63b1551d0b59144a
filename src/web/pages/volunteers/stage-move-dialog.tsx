import { Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, ApiError, call } from '../../api/client'
import { todayLocal } from '../../volunteering-dates'
import { moveLabel, STAGE_LABELS } from '../../volunteering-words'
import { Dialog } from '../referrals/shared/dialog'
import { MentorSelect } from './mentor-select'
import { useVolunteerAction } from './queries'
import { Refusal } from './refusal'
import type { VolunteerFile, VolunteerStage } from './types'

interface Values {
  reason: string
  plannedEndOn: string
  mentorId: string | null
  signOffEarly: boolean
}

/** Becoming active before the mentored year is out needs the coordinator's sign-off. */
const asksSignOff = (file: VolunteerFile, to: VolunteerStage) =>
  to === 'active' &&
  (file.stage === 'training' || (file.stage === 'mentored' && (file.mentoringUntil ?? '') > todayLocal()))

/** Asks what a move needs (a last day, a mentor, a sign-off), then makes it or shows why not. */
export function StageMoveDialog({
  file,
  to,
  onClose,
}: {
  file: VolunteerFile
  to: VolunteerStage
  onClose: () => void
}) {
  const signOff = asksSignOff(file, to)
  const form = useForm<Values>({
    initialValues: { reason: '', plannedEndOn: '', mentorId: file.mentorId, signOffEarly: false },
    validate: {
      plannedEndOn: (v) => (to === 'leaving' && !v ? 'Give the planned last day' : null),
      mentorId: (v) => (to === 'mentored' && !v ? 'Choose their mentor' : null),
      reason: (v, values) =>
        values.signOffEarly && !v.trim() ? 'Say why the mentored year is signed off early' : null,
    },
  })
  const move = useVolunteerAction(
    file.id,
    (values: Values) =>
      call(
        api.POST('/api/volunteers/{volunteerId}/stage', {
          params: { path: { volunteerId: file.id } },
          body: {
            version: file.version,
            to,
            reason: values.reason.trim() || null,
            plannedEndOn: to === 'leaving' ? values.plannedEndOn : null,
            mentorId: to === 'mentored' ? values.mentorId : null,
            signOffEarly: signOff && values.signOffEarly,
          },
        }),
      ),
    // No pop-up message: the Stage section says the new stage aloud, and a message would sit over
    // the next dialog when moves follow one another.
    () => onClose(),
  )
  return (
    <Dialog title={`${moveLabel(file.stage, to)}: ${file.fullName}`} onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          move.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Text>
            From “{STAGE_LABELS[file.stage]}” to “{STAGE_LABELS[to]}”.
          </Text>
          {to === 'leaving' ? (
            <TextInput
              label="Planned last day"
              type="date"
              required
              min={todayLocal()}
              maw={240}
              {...form.getInputProps('plannedEndOn')}
            />
          ) : null}
          {to === 'mentored' ? (
            <MentorSelect
              centreId={file.centreId}
              volunteerId={file.id}
              required
              {...form.getInputProps('mentorId')}
            />
          ) : null}
          {signOff ? (
            <Checkbox
              label="Sign off the mentored year early"
              description="For someone experienced, such as a volunteer joining from another centre."
              {...form.getInputProps('signOffEarly', { type: 'checkbox' })}
            />
          ) : null}
          <Textarea
            label={
              form.values.signOffEarly ? 'Why is the mentored year signed off early?' : 'Note (optional)'
            }
            required={form.values.signOffEarly}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Refusal error={move.error} title="They were not moved" />
          <Group>
            <Button type="submit" loading={move.isPending}>
              {moveLabel(file.stage, to)}
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
