import { Card, Space, Text, Title } from '@mantine/core'
import { useId, type ReactNode } from 'react'

/** A titled section of a settings-style page, labelled for screen readers by its heading. */
export function SectionCard({
  title,
  intro,
  children,
  id,
}: {
  title: string
  intro?: ReactNode
  children: ReactNode
  /** For a link straight to this card, such as /account#calendar. */
  id?: string
}) {
  const headingId = useId()
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} id={id}>
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {intro ? (
        <Text c="dimmed" mt={4} mb="md">
          {intro}
        </Text>
      ) : (
        <Space h="md" />
      )}
      {children}
    </Card>
  )
}
