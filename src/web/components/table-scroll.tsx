import type { ReactNode } from 'react'
import classes from './table-scroll.module.css'

/**
 * Lets a wide table scroll sideways on a phone. The region can take keyboard focus so people who
 * do not use a mouse can scroll it too, and it is named for screen readers.
 */
export function TableScroll({
  label,
  minWidth,
  children,
}: {
  label: string
  minWidth: number
  children: ReactNode
}) {
  return (
    <div className={classes.scroll} tabIndex={0} role="region" aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  )
}
