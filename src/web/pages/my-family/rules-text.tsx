import { Stack, Text } from '@mantine/core'

const ITEM = /^\s*(\d+[.)]|[-•*])\s/

/**
 * The rules as the centre typed them, re-flowed for any screen: blank lines separate paragraphs,
 * numbered or bulleted lines start afresh, and other line breaks become spaces.
 */
export function toBlocks(body: string): string[] {
  const blocks: string[] = []
  for (const paragraph of body.split(/\n\s*\n/)) {
    let current = ''
    for (const line of paragraph.split('\n')) {
      const text = line.trim()
      if (!text) continue
      if (current && ITEM.test(line)) {
        blocks.push(current)
        current = text
      } else {
        current = current ? `${current} ${text}` : text
      }
    }
    if (current) blocks.push(current)
  }
  return blocks
}

export function RulesText({ body }: { body: string }) {
  return (
    <Stack gap="xs">
      {toBlocks(body).map((block, i) => (
        <Text key={i}>{block}</Text>
      ))}
    </Stack>
  )
}
