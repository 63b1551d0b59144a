import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { IconNote } from '@tabler/icons-react'
import { useState } from 'react'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import { isStale } from '../cases/schedule-queries'
import { FormDialog } from './door-dialog'
import { endEarly, saveAttendanceNote } from './today-api'
import { useSessionChange } from './today-queries'
import type { TodaySession } from './types'

const NOTE_MAX = 280

/** Ends the session before its time, with the reason (the family's place is untouched). */
export function EndEarlyDialog({ session, onClose }: { session: TodaySession; onClose: () => void }) {
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const end = useSessionChange(
    (why: string) => endEarly(session.id, { reason: why, version: session.version }),
    () => {
      notifyDone('Session ended early', `${session.caseReference} ended early. The coordinator can see why.`)
      onClose()
    },
  )
  const submit = () => {
    const why = reason.trim()
    setMissing(!why)
    if (why) end.mutate(why)
  }
  return (
    <FormDialog title={`End ${session.caseReference} early`} onClose={onClose}>
      <Stack>
        <Text>
          Only this session ends. If something happened that the coordinator must know about, report an
          incident too.
        </Text>
        <Textarea
          label="Why did it end early?"
          description="For example: the child was too upset to carry on; a parent broke the rules."
          required
          autosize
          minRows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missing ? 'Say why the session ended early' : undefined}
        />
        <ActionError
          error={end.error}
          title={isStale(end.error) ? 'Someone else changed this session' : 'The session was not ended'}
        />
        <Group>
          <Button size="lg" color="red.8" onClick={submit} loading={end.isPending}>
            End the session now
          </Button>
          <Button size="lg" variant="default" onClick={onClose}>
            Keep it going
          </Button>
        </Group>
      </Stack>
    </FormDialog>
  )
}

/**
 * A short practical note on attendance: how they got here, why late. Never what happened in the
 * session; that belongs in the observation record (supervised) or nowhere (supported).
 */
export function AttendanceNote({ session, canEdit }: { session: TodaySession; canEdit: boolean }) {
  const [editing, setEditing] = useState(false)
  const [note, setNote] = useState(session.attendanceNote ?? '')
  const save = useSessionChange(
    (text: string) => saveAttendanceNote(session.id, { note: text, version: session.version }),
    () => setEditing(false),
  )
  if (!editing)
    return (
      <Stack gap={4}>
        <Text fw={600}>Attendance note</Text>
        <Text size="sm" c={session.attendanceNote ? undefined : 'dimmed'}>
          {session.attendanceNote ?? 'No note.'}
        </Text>
        {canEdit ? (
          <div>
            <Button
              variant="default"
              mih={44}
              leftSection={<IconNote size={18} aria-hidden="true" />}
              onClick={() => {
                setNote(session.attendanceNote ?? '')
                setEditing(true)
              }}
            >
              {session.attendanceNote ? 'Change the note' : 'Add a note'}
              <span className="sr-only"> for {session.caseReference}</span>
            </Button>
          </div>
        ) : null}
      </Stack>
    )
  return (
    <Stack gap="xs">
      <Textarea
        label="Attendance note"
        description="Practical only: how they got here, why they were late. Never what happened in the session."
        autosize
        minRows={2}
        maxLength={NOTE_MAX}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-autofocus
      />
      <Text size="sm" c="dimmed">
        {NOTE_MAX - note.length} characters left
      </Text>
      <ActionError
        error={save.error}
        title={isStale(save.error) ? 'Someone else changed this session' : 'The note was not saved'}
      />
      <Group>
        <Button mih={44} onClick={() => save.mutate(note.trim())} loading={save.isPending}>
          Save the note
        </Button>
        <Button mih={44} variant="default" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
