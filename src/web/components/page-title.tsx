import { Stack, Text, Title } from '@mantine/core'
import { useEffect, type ReactNode } from 'react'

/** Sets the browser tab title for the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Kinbridge`
  }, [title])
}

/** The page's one h1, with an optional line of plain-language explanation under it. */
export function PageTitle({ title, intro }: { title: string; intro?: ReactNode }) {
  useDocumentTitle(title)
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      {intro ? <Text c="dimmed">{intro}</Text> : null}
    </Stack>
  )
}
