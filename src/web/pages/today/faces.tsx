import { Text, UnstyledButton } from '@mantine/core'
import classes from './faces.module.css'

// Five faces from very sad to very happy, drawn here so they look the same on every tablet. The
// word under each face carries the meaning too: a child who cannot read has the face, a screen
// reader has the word.

export type Score = 1 | 2 | 3 | 4 | 5

export const SCORES: Score[] = [1, 2, 3, 4, 5]

export const FACE_WORDS: Record<Score, string> = {
  1: 'Very sad',
  2: 'Sad',
  3: 'OK',
  4: 'Happy',
  5: 'Very happy',
}

const MOUTHS: Record<Score, string> = {
  1: 'M30 74 Q50 54 70 74',
  2: 'M33 70 Q50 62 67 70',
  3: 'M33 67 L67 67',
  4: 'M32 62 Q50 76 68 62',
  5: 'M28 58 Q50 90 72 58 Z',
}

const FILLS: Record<Score, string> = {
  1: '#f4b6b6',
  2: '#f7d2ad',
  3: '#f6e7a6',
  4: '#c8e8b0',
  5: '#9fdcc8',
}

export function Face({ score, size = 96 }: { score: Score; size?: number }) {
  return (
    <svg viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="45" fill={FILLS[score]} stroke="#1f2933" strokeWidth="4" />
      <circle cx="35" cy="40" r="6" fill="#1f2933" />
      <circle cx="65" cy="40" r="6" fill="#1f2933" />
      {score === 1 ? (
        <path d="M24 31 L41 25 M76 31 L59 25" stroke="#1f2933" strokeWidth="4" strokeLinecap="round" />
      ) : null}
      <path
        d={MOUTHS[score]}
        stroke="#1f2933"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill={score === 5 ? '#ffffff' : 'none'}
      />
    </svg>
  )
}

/** A row of five big face buttons; tapping one answers the question. */
export function FacePicker({ value, onPick }: { value: Score | undefined; onPick: (score: Score) => void }) {
  return (
    <ul className={classes.faces}>
      {SCORES.map((score) => (
        <li key={score}>
          <UnstyledButton
            className={classes.face}
            aria-pressed={value === score}
            data-chosen={value === score || undefined}
            onClick={() => onPick(score)}
          >
            <Face score={score} />
            <Text component="span" fw={700} size="lg">
              {FACE_WORDS[score]}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  )
}
