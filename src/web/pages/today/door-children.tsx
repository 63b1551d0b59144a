import { Button, List, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconArrowBackUp, IconHeartHandshake, IconHome, IconMoodKid } from '@tabler/icons-react'
import type { DoorContext } from './door-people'
import classes from './today.module.css'
import { WHEREABOUTS_WORDS } from './today-words'
import type { DoorChild } from './types'

const WHEREABOUTS_ICONS = {
  with_resident: IconHome,
  in_session: IconMoodKid,
  returned: IconHome,
} as const

function ChildRow({ ctx, child }: { ctx: DoorContext; child: DoorChild }) {
  const handingOver = child.whereabouts !== 'in_session'
  const Icon = WHEREABOUTS_ICONS[child.whereabouts]
  return (
    <li className={classes.person}>
      <div className={classes.personText}>
        <Text fw={700} size="lg">
          {child.name}
          {child.ageYears !== null ? `, ${child.ageYears}` : ''}
        </Text>
        <Text component="span" className={classes.presence}>
          <Icon size={18} aria-hidden="true" /> {WHEREABOUTS_WORDS[child.whereabouts]}
        </Text>
        {child.needs.length > 0 ? (
          <List size="sm" mt={4}>
            {child.needs.map((need) => (
              <List.Item key={need}>{need}</List.Item>
            ))}
          </List>
        ) : null}
      </div>
      <Button
        className={classes.tapButton}
        size="md"
        variant={handingOver ? 'filled' : 'outline'}
        leftSection={
          handingOver ? (
            <IconHeartHandshake size={20} aria-hidden="true" />
          ) : (
            <IconArrowBackUp size={20} aria-hidden="true" />
          )
        }
        disabled={!ctx.canTap}
        onClick={() =>
          ctx.door.tap(ctx.session, {
            kind: handingOver ? 'child_handed_over' : 'child_returned',
            partyId: child.partyId,
            side: null,
            name: child.name,
          })
        }
      >
        <VisuallyHidden>{child.name} </VisuallyHidden>
        {handingOver ? 'Handed over' : 'Returned'}
      </Button>
    </li>
  )
}

/** The children: where each is now, what the floor must know, and the handover both ways. */
export function ChildrenBlock({ ctx }: { ctx: DoorContext }) {
  const { children } = ctx.session
  if (children.length === 0) return null
  return (
    <div className={classes.block}>
      <Title order={3} size="h4">
        {children.length === 1 ? 'Child' : 'Children'}
      </Title>
      <ul className={classes.register}>
        {children.map((child) => (
          <ChildRow key={child.partyId} ctx={ctx} child={child} />
        ))}
      </ul>
    </div>
  )
}
