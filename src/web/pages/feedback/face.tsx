import type { ScoreValue } from './feedback-words'

const MOUTHS: Record<ScoreValue, string> = {
  1: 'M14 34 Q24 23 34 34',
  2: 'M15 32 Q24 27 33 32',
  3: 'M15 30 L33 30',
  4: 'M15 28 Q24 34 33 28',
  5: 'M13 27 Q24 40 35 27',
}

const FILLS: Record<ScoreValue, string> = {
  1: 'var(--mantine-color-red-1)',
  2: 'var(--mantine-color-orange-1)',
  3: 'var(--mantine-color-gray-1)',
  4: 'var(--mantine-color-teal-1)',
  5: 'var(--mantine-color-kin-1)',
}

const STROKES: Record<ScoreValue, string> = {
  1: 'var(--mantine-color-red-9)',
  2: 'var(--mantine-color-orange-9)',
  3: 'var(--mantine-color-gray-8)',
  4: 'var(--mantine-color-teal-9)',
  5: 'var(--mantine-color-kin-9)',
}

/** A drawn face from very unhappy (1) to very happy (5); its name is written beside it, so it is hidden from screen readers. */
export function Face({
  score,
  size = 48,
  className,
}: {
  score: ScoreValue
  size?: number
  className?: string
}) {
  const stroke = STROKES[score]
  return (
    <svg
      viewBox="0 0 48 48"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <circle cx="24" cy="24" r="21" strokeWidth="2.5" style={{ fill: FILLS[score], stroke }} />
      <circle cx="17" cy="19" r="2.8" style={{ fill: stroke }} />
      <circle cx="31" cy="19" r="2.8" style={{ fill: stroke }} />
      <path d={MOUTHS[score]} strokeWidth="3" strokeLinecap="round" style={{ fill: 'none', stroke }} />
    </svg>
  )
}
