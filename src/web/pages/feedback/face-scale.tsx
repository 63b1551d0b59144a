import { Text } from '@mantine/core'
import { useId } from 'react'
import { Face } from './face'
import classes from './face-scale.module.css'
import { SCORE_LABELS, SCORES, type ScoreValue } from './feedback-words'

interface Props {
  /** The question, which names the group. */
  question: string
  value: ScoreValue | null
  onChange: (score: ScoreValue) => void
  error?: string | null
}

/**
 * One question answered with five faces, from very unhappy to very happy: a radio group, so arrow
 * keys move between the faces and each face is read out by its name.
 */
export function FaceScale({ question, value, onChange, error }: Props) {
  const id = useId()
  const name = `${id}-face`
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-question`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      aria-required
      className={error ? classes.invalid : undefined}
    >
      <Text id={`${id}-question`} fw={600} mb={6}>
        {question}
      </Text>
      <div className={classes.faces}>
        {SCORES.map((score) => (
          <label key={score} className={classes.option}>
            <input
              type="radio"
              className={classes.input}
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
            />
            <Face score={score} className={classes.face} />
            <span>{SCORE_LABELS[score]}</span>
          </label>
        ))}
      </div>
      {error ? (
        <Text id={`${id}-error`} size="sm" c="red.9" mt={4}>
          {error}
        </Text>
      ) : null}
    </div>
  )
}
