import type { Clock } from '../shared/clock'

/** One dated step of the demo's story. */
export interface StoryStep {
  /** An ISO instant in the past. */
  at: string
  run: () => Promise<unknown>
}

/**
 * The clock the demo's use cases run on, moved from step to step: the centre gets a past (referrals
 * received weeks ago, cases opened months ago, reviews falling due on different days) that reads in
 * order in every history, the audit trail included.
 */
export class StoryClock implements Clock {
  private at = new Date(0)

  now(): Date {
    return new Date(this.at)
  }

  moveTo(at: Date): void {
    this.at = at
  }
}

/** An instant at a time of day on a date; UTC, which Jersey is never more than an hour from. */
export const on = (date: string, time: string): string => `${date}T${time}:00.000Z`

/**
 * Runs every family's steps in time order, with the clock at each step's instant. Each list is one
 * family's steps, already in its own order; later steps read what earlier ones made.
 * @throws Error when a family's steps are out of order or one lies after `until` (the real now).
 */
export async function tellStory(
  clock: StoryClock,
  families: readonly StoryStep[][],
  until: Date,
): Promise<void> {
  for (const steps of families) {
    steps.forEach((step, i) => {
      const previous = steps[i - 1]
      if ((previous && previous.at > step.at) || Date.parse(step.at) > until.getTime())
        throw new Error(`demo: a story step at ${step.at} is out of order or in the future`)
    })
  }
  const ordered = families
    .flat()
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.index - b.index)
  for (const { step } of ordered) {
    clock.moveTo(new Date(step.at))
    await step.run()
  }
}
