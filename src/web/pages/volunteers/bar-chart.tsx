import classes from './charts.module.css'

export interface Bar {
  label: string
  value: number
  /** A CSS colour; the value is always written beside the bar as well. */
  color: string
  /** Drawn as an outline: a target rather than people. */
  outline?: boolean
}

/**
 * Horizontal bars, one per row, with the label and the number in words beside each. The whole chart
 * is one image to a screen reader, named by `summary`; the page gives a table of the numbers too.
 */
export function BarChart({ bars, summary, max }: { bars: Bar[]; summary: string; max: number }) {
  const scale = Math.max(max, 1)
  return (
    <div className={classes.bars} role="img" aria-label={summary}>
      {bars.map((bar) => {
        const width = Math.min(100, (bar.value / scale) * 100)
        return (
          <div key={bar.label} style={{ display: 'contents' }}>
            <span className={classes.barLabel}>{bar.label}</span>
            <svg
              viewBox="0 0 100 24"
              preserveAspectRatio="none"
              width="100%"
              height="24"
              aria-hidden="true"
              focusable="false"
            >
              <rect x="0" y="2" width="100" height="20" style={{ fill: 'var(--mantine-color-gray-1)' }} />
              {bar.outline ? (
                <rect
                  x="0.5"
                  y="3"
                  width={Math.max(0, width - 1)}
                  height="18"
                  vectorEffect="non-scaling-stroke"
                  strokeWidth="2"
                  strokeDasharray="6 3"
                  style={{ fill: 'none', stroke: bar.color }}
                />
              ) : (
                <rect x="0" y="2" width={width} height="20" style={{ fill: bar.color }} />
              )}
            </svg>
            <span className={classes.barValue}>{bar.value}</span>
          </div>
        )
      })}
    </div>
  )
}
