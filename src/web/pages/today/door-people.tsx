import { Badge, Button, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconBan, IconClock, IconDoorEnter, IconDoorExit, IconUserQuestion } from '@tabler/icons-react'
import { ROLE_LABELS } from '../referrals/labels'
import { lastMovement, visitorsIn } from './door-board'
import classes from './today.module.css'
import { SIDE_NAMES } from './today-words'
import type { Door } from './use-door'
import type { DoorParty, DoorPerson, TodaySession } from './types'

export interface DoorContext {
  session: TodaySession
  door: Door
  /** Taps can be made today only. */
  canTap: boolean
  time: (iso: string) => string
}

/** "In the building since 09:46", "Left 12:15", "Expected 09:45": in words, with an icon. */
function PersonPresence({
  ctx,
  personKey,
  expected,
}: {
  ctx: DoorContext
  personKey: string
  expected: string
}) {
  const last = lastMovement(ctx.session, personKey)
  if (last?.kind === 'arrived')
    return (
      <Text component="span" className={classes.presence} c="kin.9">
        <IconDoorEnter size={18} aria-hidden="true" /> In the building since {ctx.time(last.at)}
      </Text>
    )
  if (last?.kind === 'left')
    return (
      <Text component="span" className={classes.presence}>
        <IconDoorExit size={18} aria-hidden="true" /> Left {ctx.time(last.at)}
      </Text>
    )
  return (
    <Text component="span" className={classes.presence} c="dimmed">
      <IconClock size={18} aria-hidden="true" /> Expected {expected}
    </Text>
  )
}

/** A tap button named for the person: "Nick Example arrived". */
function TapButton({
  name,
  label,
  inside,
  disabled,
  onClick,
  color,
}: {
  name: string
  label: string
  inside: boolean
  disabled: boolean
  onClick: () => void
  color?: string
}) {
  const Icon = inside ? IconDoorExit : IconDoorEnter
  return (
    <Button
      className={classes.tapButton}
      size="md"
      color={color}
      variant={inside ? 'outline' : 'filled'}
      leftSection={<Icon size={20} aria-hidden="true" />}
      onClick={onClick}
      disabled={disabled}
    >
      <VisuallyHidden>{name} </VisuallyHidden>
      {label}
    </Button>
  )
}

function PersonRow({ ctx, party, person }: { ctx: DoorContext; party: DoorParty; person: DoorPerson }) {
  const kind = person.inBuilding ? 'left' : 'arrived'
  return (
    <li className={classes.person}>
      <div className={classes.personText}>
        <Text fw={700} size="lg">
          {person.name}
        </Text>
        <Text size="sm">{ROLE_LABELS[person.role]}</Text>
        {person.description ? <Text size="sm">How to recognise them: {person.description}</Text> : null}
        <PersonPresence ctx={ctx} personKey={person.partyId} expected={party.localArrive} />
      </div>
      <TapButton
        name={person.name}
        label={person.inBuilding ? 'Left' : 'Arrived'}
        inside={person.inBuilding}
        disabled={!ctx.canTap}
        onClick={() =>
          ctx.door.tap(ctx.session, { kind, partyId: person.partyId, side: party.side, name: person.name })
        }
      />
    </li>
  )
}

const presenceBadge = (party: DoorParty) => {
  if (party.presence === 'in') return <Badge color="kin.8">In the building</Badge>
  if (party.presence === 'left') return <Badge color="gray.7">Left</Badge>
  return (
    <Badge color="gray.7" variant="outline">
      Expected {party.localArrive}
    </Badge>
  )
}

/** One side of the family: when and where they come in, who may come, and a tap for each. */
export function PartyBlock({ ctx, party }: { ctx: DoorContext; party: DoorParty }) {
  const visitors = visitorsIn(ctx.session, party.side)
  return (
    <div className={classes.block}>
      <Stack gap={4} mb="xs">
        <Title order={3} size="h4">
          {SIDE_NAMES[party.side]}
        </Title>
        <div>{presenceBadge(party)}</div>
        <Text size="sm">
          Arrives {party.localArrive}
          {party.first ? ' (first)' : ''}, leaves {party.localLeave}
        </Text>
        {party.lateMinutes !== null ? (
          <Text size="sm" fw={700} c="red.9">
            Came {party.lateMinutes} minutes late
          </Text>
        ) : null}
        <Text size="sm">Comes in by: {party.entrance ?? 'the main entrance'}</Text>
        {party.waitingRoom ? <Text size="sm">Waits in: {party.waitingRoom}</Text> : null}
      </Stack>
      {party.people.length === 0 && visitors.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is listed for this side.
        </Text>
      ) : (
        <ul className={classes.register}>
          {party.people.map((person) => (
            <PersonRow key={person.partyId} ctx={ctx} party={party} person={person} />
          ))}
          {visitors.map((visitor) => (
            <li key={visitor.id} className={classes.person}>
              <div className={classes.personText}>
                <Text fw={700} size="lg">
                  {visitor.name}
                </Text>
                <Text size="sm" className={classes.presence}>
                  <IconUserQuestion size={18} aria-hidden="true" /> Not on the list · In the building since{' '}
                  {ctx.time(visitor.at)}
                </Text>
              </div>
              <TapButton
                name={visitor.name}
                label="Left"
                inside
                disabled={!ctx.canTap}
                onClick={() =>
                  ctx.door.tap(ctx.session, {
                    kind: 'left',
                    partyId: null,
                    side: party.side,
                    name: visitor.name,
                  })
                }
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The people who must not come in, so the door can recognise and turn them away. */
export function NotAllowedBlock({ ctx }: { ctx: DoorContext }) {
  const { notAllowed } = ctx.session
  if (notAllowed.length === 0) return null
  return (
    <div className={classes.barred}>
      <Title order={3} size="h4" c="red.9" className={classes.presence}>
        <IconBan size={22} aria-hidden="true" /> Must not come in
      </Title>
      <ul className={classes.register}>
        {notAllowed.map((person) => (
          <li key={person.partyId} className={classes.person}>
            <div className={classes.personText}>
              <Text fw={700} size="lg">
                {person.name}
              </Text>
              <Text size="sm">{ROLE_LABELS[person.role]}</Text>
              {person.description ? <Text size="sm">How to recognise them: {person.description}</Text> : null}
            </div>
            <Button
              className={classes.tapButton}
              size="md"
              color="red.8"
              leftSection={<IconBan size={20} aria-hidden="true" />}
              disabled={!ctx.canTap}
              onClick={() =>
                ctx.door.tap(ctx.session, {
                  kind: 'refused_entry',
                  partyId: person.partyId,
                  side: null,
                  name: person.name,
                })
              }
            >
              <VisuallyHidden>{person.name} </VisuallyHidden>
              Turned away
            </Button>
          </li>
        ))}
      </ul>
    </div>
  )
}
