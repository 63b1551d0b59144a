import { Group, Text, ThemeIcon } from '@mantine/core'
import { IconHeartHandshake } from '@tabler/icons-react'

/** The Kinbridge name with its mark; decorative icon, readable text. */
export function BrandMark() {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="lg" radius="md" aria-hidden="true">
        <IconHeartHandshake size={22} />
      </ThemeIcon>
      <Text fw={700} fz="xl">
        Kinbridge
      </Text>
    </Group>
  )
}
