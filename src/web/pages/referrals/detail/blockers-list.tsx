import { List, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'

/** What still stands in the way of a step, as a checklist; a tick when nothing does. */
export function BlockersList({ blockers, label }: { blockers: string[]; label: string }) {
  if (blockers.length === 0) {
    return (
      <Text size="sm" c="kin.8" fw={600}>
        <IconCheck size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} /> Nothing missing:
        this can be done now.
      </Text>
    )
  }
  return (
    <div>
      <Text size="sm" fw={600}>
        Still missing:
      </Text>
      <List
        size="sm"
        spacing={4}
        mt={4}
        aria-label={label}
        icon={
          <ThemeIcon color="red.8" size={20} radius="xl" aria-hidden="true">
            <IconX size={14} />
          </ThemeIcon>
        }
      >
        {blockers.map((blocker) => (
          <List.Item key={blocker}>{blocker}</List.Item>
        ))}
      </List>
    </div>
  )
}
