import { Anchor, Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useForm } from '@mantine/form'
import { ApiError } from '../../api/client'
import { DUTY_LABELS, GIVEN_DUTIES } from '../../volunteering-words'
import { notifyDone } from '../referrals/shared/notify'
import { Section } from '../referrals/shared/section'
import { MentorSelect } from './mentor-select'
import { useVolunteerUpdate } from './queries'
import { Refusal } from './refusal'
import type { Duty, VolunteerFile } from './types'

interface Values {
  duties: Duty[]
  mentorId: string | null
  referencesReceived: number | string
}

/**
 * The duties they may take, who mentors them, and how many references have come back. The page
 * keys it by the file's version, so the form starts again from whatever the file now says.
 */
export function RoleSection({ file }: { file: VolunteerFile }) {
  const initial: Values = {
    duties: file.duties.filter((d) => GIVEN_DUTIES.includes(d)),
    mentorId: file.mentorId,
    referencesReceived: file.referencesReceived,
  }
  const form = useForm<Values>({ initialValues: initial })
  const save = useVolunteerUpdate(
    file,
    (values: Values) => ({
      // Floor and reception are not given here; keep any the file already has.
      duties: [...file.duties.filter((d) => !GIVEN_DUTIES.includes(d)), ...values.duties],
      mentorId: values.mentorId,
      referencesReceived: Number(values.referencesReceived) || 0,
    }),
    (saved) => notifyDone('Saved', `${saved.fullName}’s duties, mentor and references are up to date.`),
  )
  return (
    <Section title="Duties, mentor and references">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Checkbox.Group
            label="Duties"
            description="Anyone who can be rostered may work on the floor or at reception."
            {...form.getInputProps('duties')}
          >
            <Group mt={6} gap="lg">
              {GIVEN_DUTIES.map((duty) => (
                <Checkbox key={duty} value={duty} label={DUTY_LABELS[duty]} />
              ))}
            </Group>
          </Checkbox.Group>
          <MentorSelect centreId={file.centreId} volunteerId={file.id} {...form.getInputProps('mentorId')} />
          {file.mentees.length > 0 ? (
            <Text size="sm">
              They mentor:{' '}
              {file.mentees.map((m, i) => (
                <span key={m.id}>
                  {i > 0 ? ', ' : ''}
                  <Anchor component={Link} to={`/volunteers/${m.id}`}>
                    {m.fullName}
                  </Anchor>
                </span>
              ))}
            </Text>
          ) : null}
          <Group align="flex-end" gap="sm">
            <NumberInput
              label="References received"
              min={0}
              max={5}
              allowDecimal={false}
              w={180}
              {...form.getInputProps('referencesReceived')}
            />
            <Text pb={8}>of {file.referencesRequired} needed before the DBS check</Text>
          </Group>
          <Refusal error={save.error} title="The changes were not saved" />
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
            Save duties, mentor and references
          </Button>
        </Stack>
      </form>
    </Section>
  )
}
