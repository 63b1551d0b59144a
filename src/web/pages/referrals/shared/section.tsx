import { Card, Group, Text, Title } from '@mantine/core'
import { useId, type ReactNode } from 'react'

interface Props {
  title: string
  /** One line under the title saying what this part is for. */
  intro?: ReactNode
  /** A button or two at the top right, such as "Add a note". */
  actions?: ReactNode
  children: ReactNode
  id?: string
}

/** One part of a file page: a card with a level-2 heading that names the region. */
export function Section({ title, intro, actions, children, id }: Props) {
  const headingId = useId()
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} id={id}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <div>
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed" mt={2}>
              {intro}
            </Text>
          ) : null}
        </div>
        {actions}
      </Group>
      {children}
    </Card>
  )
}
