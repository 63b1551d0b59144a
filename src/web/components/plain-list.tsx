import { Stack, type StackProps } from '@mantine/core'
import type { ComponentPropsWithoutRef } from 'react'

const plain = { listStyle: 'none', padding: 0, margin: 0 } as const

/** A list with no bullets or indent, its items spaced like a Stack: cards, entries, people. */
export function PlainList(props: StackProps & Omit<ComponentPropsWithoutRef<'ul'>, keyof StackProps>) {
  return <Stack component="ul" style={plain} {...props} />
}
