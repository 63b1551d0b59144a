import { NativeSelect, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, ApiError, call } from '../../api/client'
import { useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle, useDocumentTitle } from '../../components/page-title'
import { timeIn, todayIn } from '../calendar/calendar-dates'
import { ConfirmTapDialog } from './confirm-tap-dialog'
import { applyQueue } from './door-board'
import type { DoorContext } from './door-people'
import { NextAtDoor } from './next-at-door'
import { OutboxBanner } from './outbox-banner'
import { SessionCard } from './session-card'
import { useDoorOutbox } from './today-outbox'
import { TodayHeader, type Connection } from './today-header'
import { useTodayBoard } from './today-queries'
import classes from './today.module.css'
import { eventWords, useDoor } from './use-door'

/** The time now, moving on every 10 seconds: the clock and what is next at the door follow it. */
function useClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

/** Read out each tap; the same words twice are still read, as the text is made to differ. */
function useAnnouncer(): [string, (message: string) => void] {
  const [said, setSaid] = useState({ text: '', n: 0 })
  const announce = useCallback((text: string) => setSaid((prev) => ({ text, n: prev.n + 1 })), [])
  return [said.text + (said.n % 2 === 1 ? '\u00a0' : ''), announce]
}

const ruleOf = (error: unknown): string | undefined =>
  error instanceof ApiError
    ? (error.details as { rule?: string; field?: string } | undefined)?.rule
    : undefined

const needsCentre = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.code === 'INVALID_INPUT' &&
  (error.details as { field?: unknown } | undefined)?.field === 'centreId'

/** The centres the person works in, to choose one when they have more than one. */
function CentrePicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  if (!centres.data || centres.data.length < 2) return null
  return (
    <NativeSelect
      label="Centre"
      size="md"
      maw={360}
      mb="md"
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        ...(value ? [] : [{ value: '', label: 'Choose a centre' }]),
        ...centres.data.map((c) => ({ value: c.id, label: c.name })),
      ]}
    />
  )
}

function BoardProblem({ error }: { error: unknown }) {
  if (ruleOf(error) === 'DOOR-OFF-DUTY')
    return (
      <Text size="lg">
        You are not on the rota at this centre today, so its door list is not open to you. If you are helping
        today, ask the coordinator to add you to the rota.
      </Text>
    )
  if (needsCentre(error)) return <Text size="lg">Choose the centre you are working at today.</Text>
  return <FormError error={error} title="We could not load today’s board" />
}

/**
 * The Today board for the people at the door: who is coming and when, who may come in and who must
 * not, a tap per person, and the taps kept in memory and sent when the connection allows.
 */
export function TodayPage() {
  useDocumentTitle('Today')
  const session = useSession()
  const [params, setParams] = useSearchParams()
  const choice = { centreId: params.get('centre'), date: params.get('date') }
  const { box, state } = useDoorOutbox(session.data?.user.id ?? '')
  const board = useTodayBoard(choice, state.browserOnline)
  const now = useClock()
  const [announcement, announce] = useAnnouncer()
  const timeZone = board.data?.timeZone ?? 'UTC'
  const time = useCallback((iso: string) => timeIn(iso, timeZone), [timeZone])
  const door = useDoor(box, announce, time)

  const offlineError = board.error instanceof ApiError && board.error.status === 0
  useEffect(() => {
    if (offlineError) box.setReachable(false)
  }, [box, offlineError, board.errorUpdatedAt])
  useEffect(() => {
    if (board.dataUpdatedAt > 0) box.setReachable(true)
  }, [box, board.dataUpdatedAt])

  const shown = useMemo(
    () => (board.data ? applyQueue(board.data, state.queue) : null),
    [board.data, state.queue],
  )
  const chooseCentre = (centreId: string) => setParams({ centre: centreId })

  if (!shown)
    return (
      <>
        <PageTitle title="Today" />
        <CentrePicker value={choice.centreId} onChange={chooseCentre} />
        {board.isPending ? <Loading label="Loading today’s board" /> : <BoardProblem error={board.error} />}
      </>
    )

  const online = state.browserOnline && state.reachable
  const sending = state.queue.some((item) => item.status === 'sending' || item.status === 'waiting')
  const connection: Connection = online ? (sending ? 'sending' : 'online') : 'offline'
  const canTap = shown.date === todayIn(shown.timeZone, new Date(now))
  const asked = state.queue.find((item) => item.status === 'confirm')
  const sessions = [...shown.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const updatedAt = board.dataUpdatedAt > 0 ? time(new Date(board.dataUpdatedAt).toISOString()) : null

  return (
    <>
      <TodayHeader board={shown} now={now} connection={connection} />
      <CentrePicker value={shown.centreId} onChange={chooseCentre} />
      <OutboxBanner state={state} updatedAt={updatedAt} />
      <div role="status" className="sr-only">
        {announcement}
      </div>
      {canTap ? null : (
        <Text mb="md" fw={600}>
          This is the board for another day: arrivals and departures can be recorded on the day itself.
        </Text>
      )}
      <Stack gap="xl">
        <NextAtDoor board={shown} now={now} />
        <section aria-labelledby="sessions-heading">
          <Title order={2} id="sessions-heading" mb="sm">
            Sessions
          </Title>
          {sessions.length === 0 ? <Text>No sessions today.</Text> : null}
          <ul className={classes.sessions}>
            {sessions.map((s) => {
              const ctx: DoorContext = { session: s, door, canTap, time }
              return (
                <li key={s.id}>
                  <SessionCard ctx={ctx} board={shown} queue={state.queue} onDismiss={(id) => box.drop(id)} />
                </li>
              )
            })}
          </ul>
        </section>
      </Stack>
      {door.asking ? (
        <ConfirmTapDialog
          what={eventWords(door.asking.tap)}
          at={time(door.asking.tap.at)}
          warnings={door.asking.warnings}
          onGoAhead={door.goAhead}
          onCancel={door.cancel}
        />
      ) : null}
      {!door.asking && asked?.op.type === 'tap' ? (
        <ConfirmTapDialog
          key={asked.op.clientId}
          what={eventWords(asked.op)}
          at={time(asked.op.at)}
          warnings={asked.warnings}
          onGoAhead={() =>
            box.confirm(
              asked.op.clientId,
              asked.warnings.map((w) => w.code),
            )
          }
          onCancel={() => {
            box.drop(asked.op.clientId)
            announce(`Not recorded: ${asked.op.type === 'tap' ? eventWords(asked.op) : ''}.`)
          }}
        />
      ) : null}
    </>
  )
}
