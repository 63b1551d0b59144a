import { Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { useVolunteerAction } from './queries'
import { Refusal } from './refusal'
import type { VolunteerFile, VolunteerStage } from './types'

const GONE: ReadonlySet<VolunteerStage> = new Set(['left', 'withdrawn'])

/**
 * Whether they can sign in to their own volunteering page and, when not, the invitation the desk
 * sends to the email on their file. An administrator may link an account they already have instead,
 * under "Change details".
 */
export function SignInStatus({ file }: { file: VolunteerFile }) {
  const [confirming, setConfirming] = useState(false)
  if (file.hasSignIn) return 'Linked: they can see their shifts and read the policies'
  if (GONE.has(file.stage)) return 'None'
  if (!file.email)
    return 'None yet. Add their email address under “Change details” to invite them to sign in.'
  return (
    <Stack gap={6} align="flex-start">
      <span>None yet</span>
      <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
        Invite them to sign in
      </Button>
      {confirming ? <InviteDialog file={file} onClose={() => setConfirming(false)} /> : null}
    </Stack>
  )
}

function InviteDialog({ file, onClose }: { file: VolunteerFile; onClose: () => void }) {
  const invite = useVolunteerAction<undefined>(
    file.id,
    () =>
      call(api.POST('/api/volunteers/{volunteerId}/sign-in', { params: { path: { volunteerId: file.id } } })),
    (invited) => {
      notifyDone('Invitation sent', `${invited.fullName} has been emailed a link to choose a password.`)
      onClose()
    },
  )
  return (
    <Dialog title={`Invite ${file.fullName} to sign in`} onClose={onClose}>
      <Stack>
        <Text>
          We will email <strong>{file.email}</strong> a link to choose a password. The link works for 7 days.
        </Text>
        <Text>
          Signed in, they see their own shifts and can ask a colleague to swap, say when they can help, log
          their hours, and read the centre’s policies. Their sign-in is for this centre only.
        </Text>
        <Refusal error={invite.error} title="The invitation was not sent" />
        <Group>
          <Button onClick={() => invite.mutate(undefined)} loading={invite.isPending}>
            Send the invitation
          </Button>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
