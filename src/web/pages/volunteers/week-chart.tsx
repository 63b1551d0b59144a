import { Text } from '@mantine/core'
import { formatDay } from '../../volunteering-dates'
import classes from './charts.module.css'

export interface Week {
  weekOf: string
  positions: number
  unfilled: number
}

const FILLED = 'var(--mantine-color-kin-7)'
const UNFILLED = 'var(--mantine-color-red-8)'

/** "3 Nov" under a column: the week's Monday. */
const shortDay = (date: string) => formatDay(date).replace(/ \d{4}$/, '')

/**
 * Places on shifts week by week: filled at the bottom, unfilled stacked on top and counted above the
 * column. One image to a screen reader, named by a sentence; the page has the table too.
 */
export function WeekChart({ weeks }: { weeks: Week[] }) {
  const top = Math.max(1, ...weeks.map((w) => w.positions))
  const summary = weeks
    .map((w) => `week of ${formatDay(w.weekOf)}: ${w.unfilled} of ${w.positions} unfilled`)
    .join('; ')
  return (
    <>
      <div className={classes.columns} role="img" aria-label={`Unfilled places, ${summary}`}>
        {weeks.map((w) => {
          const filled = w.positions - w.unfilled
          const filledHeight = (filled / top) * 100
          const unfilledHeight = (w.unfilled / top) * 100
          return (
            <div key={w.weekOf} className={classes.column}>
              <Text size="xs" fw={700} c={w.unfilled > 0 ? 'red.9' : undefined}>
                {w.unfilled}
              </Text>
              <svg
                viewBox="0 0 20 100"
                preserveAspectRatio="none"
                width="100%"
                height="120"
                aria-hidden="true"
              >
                <rect x="0" y="0" width="20" height="100" style={{ fill: 'var(--mantine-color-gray-1)' }} />
                <rect
                  x="2"
                  y={100 - filledHeight}
                  width="16"
                  height={filledHeight}
                  style={{ fill: FILLED }}
                />
                <rect
                  x="2"
                  y={100 - filledHeight - unfilledHeight}
                  width="16"
                  height={unfilledHeight}
                  style={{ fill: UNFILLED }}
                />
              </svg>
              <span>{shortDay(w.weekOf)}</span>
            </div>
          )
        })}
      </div>
      <div className={classes.legend} aria-hidden="true">
        <span>
          <span className={classes.swatch} style={{ background: UNFILLED }} />
          Unfilled (number above)
        </span>
        <span>
          <span className={classes.swatch} style={{ background: FILLED }} />
          Filled
        </span>
      </div>
    </>
  )
}
