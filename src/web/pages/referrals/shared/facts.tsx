import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import classes from './facts.module.css'

export interface Fact {
  label: string
  value: ReactNode
}

/** Label and value pairs as a description list: two columns on a wide screen, one on a phone. */
export function Facts({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((f) => f.value !== null && f.value !== undefined && f.value !== '')
  return (
    <dl className={classes.facts}>
      {shown.map((fact) => (
        <div key={fact.label} className={classes.fact}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0}>
            {fact.value}
          </Text>
        </div>
      ))}
    </dl>
  )
}
