import { Text } from '@mantine/core'
import type { KeyFigure } from './report-figures'
import classes from './statistics.module.css'

/** The headline numbers as large tiles, each named in words. */
export function KeyFigures({ figures }: { figures: KeyFigure[] }) {
  return (
    <dl className={classes.tiles} data-testid="key-figures">
      {figures.map((figure) => (
        <div key={figure.label} className={classes.tile}>
          <Text component="dt" size="sm" fw={600}>
            {figure.label}
          </Text>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  )
}
