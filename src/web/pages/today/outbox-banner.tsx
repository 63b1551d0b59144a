import type { ReactNode } from 'react'
import { Group, Text } from '@mantine/core'
import { IconCloudOff, IconLogin } from '@tabler/icons-react'
import type { OutboxState } from './door-outbox'
import { pendingCount } from './door-queue'
import classes from './today.module.css'
import { tapsWords } from './today-words'

function Banner({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  return (
    <div className={classes.bannerBox}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {icon}
        <div>
          <Text fw={700} size="lg">
            {title}
          </Text>
          <Text>{text}</Text>
        </div>
      </Group>
    </div>
  )
}

/**
 * What the volunteer must know about taps not yet sent: offline (keep the page open), or signed out
 * (sign in again to send them). The banner is a polite live region that changes only when the
 * connection, the sign-in or the count changes, never on a routine refresh.
 */
export function OutboxBanner({ state, updatedAt }: { state: OutboxState; updatedAt: string | null }) {
  const pending = pendingCount(state.queue)
  const online = state.browserOnline && state.reachable
  let banner: ReactNode = null
  if (state.signedOut && pending > 0)
    banner = (
      <Banner
        icon={<IconLogin size={28} aria-hidden="true" />}
        title={`Sign in again to send ${tapsWords(pending)}`}
        text="Your sign-in has ended. The taps are kept while this page stays open: do not close or reload it."
      />
    )
  else if (!online)
    banner = (
      <Banner
        icon={<IconCloudOff size={28} aria-hidden="true" />}
        title={
          pending > 0 ? `Offline — ${tapsWords(pending)} waiting to send. Keep this page open.` : 'Offline'
        }
        text={`${
          pending > 0
            ? 'They are sent in order as soon as the connection is back. Closing or reloading the page would lose them.'
            : 'Keep this page open. Taps you make are kept and sent as soon as the connection is back.'
        }${updatedAt ? ` The board shows what was known at ${updatedAt}.` : ''}`}
      />
    )
  return (
    <>
      <div role="status" className={classes.banner}>
        {banner}
      </div>
      {banner === null && (pending > 0 || updatedAt) ? (
        <Text size="sm" c="dimmed" mb="xs">
          {pending > 0 ? `Sending ${tapsWords(pending)}…` : `Up to date at ${updatedAt ?? ''}.`}
        </Text>
      ) : null}
    </>
  )
}
