import type { StatisticsWorld } from './statistics-world'

/**
 * Review scenarios for the service reports, on top of the statistics world: a case's review due date
 * set outright, and a review held the way the app records one (the review keeps the date it was due,
 * and the case's next due date moves on), so a past period can be told from the case as it is now.
 */

/** Sets the day a case's next review is due, as the case stands now. */
export async function setReviewDue(world: StatisticsWorld, caseId: string, dueOn: string): Promise<void> {
  await world.db
    .updateTable('cases')
    .set({ review_due_on: dueOn })
    .where('organisation_id', '=', world.organisationId)
    .where('id', '=', caseId)
    .execute()
}

/** Holds a review as the app does: due on the case's current due date, the next due on `nextDueOn`. */
export async function holdReview(
  world: StatisticsWorld,
  caseId: string,
  review: { heldOn: string; nextDueOn: string },
): Promise<string> {
  const found = await world.db
    .selectFrom('cases')
    .select('review_due_on')
    .where('organisation_id', '=', world.organisationId)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  const id = await world.review(caseId, { ...review, dueOn: found.review_due_on })
  await setReviewDue(world, caseId, review.nextDueOn)
  return id
}
