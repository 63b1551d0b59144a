import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import {
  chartTop,
  columnShapes,
  columnWidth,
  type MonthlyChart,
  type Series,
  type Shape,
} from './chart-shapes'
import { monthShort } from './statistics-dates'
import classes from './statistics.module.css'

/** The width a phone leaves a chart, in pixels; a wider chart scrolls sideways inside its own region. */
const PHONE_PX = 330
const GAP_PX = 3

function Bars({ shapes }: { shapes: Shape[] }) {
  return (
    <svg
      viewBox="0 0 20 100"
      preserveAspectRatio="none"
      width="100%"
      height="140"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0" y="0" width="20" height="100" style={{ fill: 'var(--mantine-color-gray-1)' }} />
      {shapes.map((shape) =>
        shape.outline ? (
          <rect
            key={shape.label}
            x="1"
            y={shape.y + 0.5}
            width="18"
            height={Math.max(0, shape.height - 0.5)}
            vectorEffect="non-scaling-stroke"
            strokeWidth="2"
            strokeDasharray="4 3"
            style={{ fill: 'var(--mantine-color-white)', stroke: shape.color }}
          />
        ) : (
          <rect
            key={shape.label}
            x="3"
            y={shape.y}
            width="14"
            height={shape.height}
            vectorEffect="non-scaling-stroke"
            strokeWidth="1"
            style={{ fill: shape.color, stroke: 'var(--mantine-color-white)' }}
          />
        ),
      )}
    </svg>
  )
}

/** "Jan" under every column, and the year under the first and under each January. */
function MonthLabel({
  month,
  first,
  beforeJanuary,
}: {
  month: string
  first: boolean
  beforeJanuary: boolean
}) {
  // The first column names its year too, unless January is right beside it and would crowd it.
  const showYear = month.endsWith('-01') || (first && !beforeJanuary)
  return (
    <span className={classes.month}>
      {monthShort(month)}
      <br />
      {showYear ? month.slice(0, 4) : '\u00a0'}
    </span>
  )
}

/** The key to the colours, each with its total written out, and what the number above a column is. */
export function Legend({ series, note }: { series: Series[]; note?: string }) {
  return (
    <>
      <ul className={classes.legend} aria-label="Key">
        {series.map((s) => (
          <li key={s.label}>
            <span
              className={s.outline ? `${classes.swatch} ${classes.outlineSwatch}` : classes.swatch}
              style={s.outline ? { borderColor: s.color } : { background: s.color }}
            />
            {s.label}
            {s.total === undefined ? null : <strong>: {s.total}</strong>}
          </li>
        ))}
      </ul>
      {note ? <p className={classes.note}>{note}</p> : null}
    </>
  )
}

/**
 * A chart too wide for the screen scrolls sideways inside its own region, which keyboard users can
 * scroll too. It opens on the latest months, the ones people look for first.
 */
function LatestFirst({ label, width, children }: { label: string; width: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(false)
  useLayoutEffect(() => {
    const region = ref.current
    if (!region) return
    const measure = () => {
      setScrolls(region.scrollWidth > region.clientWidth)
      region.scrollLeft = region.scrollWidth
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(region)
    return () => observer.disconnect()
  }, [width])
  return (
    <>
      <div ref={ref} className={classes.scroll} tabIndex={0} role="region" aria-label={label}>
        <div style={{ minWidth: width }}>{children}</div>
      </div>
      {scrolls ? (
        <p className={classes.note}>The latest months are shown: scroll back for earlier ones.</p>
      ) : null}
    </>
  )
}

/**
 * Months side by side, one column each: series stacked, or an outline (room) with the use drawn
 * inside it. The number for each month is written above its column, and the whole chart is one
 * image to a screen reader, named by `label`; the card offers the same numbers as a table.
 */
export function ColumnChart({ chart, title, label }: { chart: MonthlyChart; title: string; label: string }) {
  const top = chartTop(chart)
  const columns = (
    <div className={classes.columns} role="img" aria-label={label}>
      {chart.months.map((month, i) => (
        <div key={month} className={classes.column}>
          <span className={classes.above}>{chart.above[i]}</span>
          <Bars shapes={columnShapes(chart, i, top)} />
          <MonthLabel
            month={month}
            first={i === 0}
            beforeJanuary={chart.months[i + 1]?.endsWith('-01') ?? false}
          />
        </div>
      ))}
    </div>
  )
  const width = chart.months.length * (columnWidth(chart.above) + GAP_PX)
  return (
    <div>
      {width > PHONE_PX ? (
        <LatestFirst label={`${title}: scroll sideways to see every month`} width={width}>
          {columns}
        </LatestFirst>
      ) : (
        columns
      )}
      {chart.series.length > 1 || chart.series.some((s) => s.total !== undefined) ? (
        <Legend series={chart.series} note={chart.aboveMeaning} />
      ) : (
        <p className={classes.note}>{chart.aboveMeaning}</p>
      )}
    </div>
  )
}
