import { Paper, Stack, Title } from '@mantine/core'
import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A form that opens under the button that asked for it. Its heading takes focus, so keyboard and
 * screen reader users land on it.
 */
export function ActionPanel({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const id = useId()
  useEffect(() => {
    headingRef.current?.focus()
    headingRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [])
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id} ref={headingRef} tabIndex={-1}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}
