import { useQueries, useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { CentreView, VenueView } from '../../api/types'

/** A venue with the centre it belongs to (for the time zone and closures). */
export interface VenueChoice {
  venue: VenueView
  centre: CentreView
}

export const calendarKey = ['calendar'] as const

export function calendarQuery(venueId: string, from: string, to: string) {
  return {
    queryKey: [...calendarKey, venueId, from, to],
    queryFn: () =>
      call(
        api.GET('/api/venues/{venueId}/calendar', {
          params: { path: { venueId }, query: { from, to } },
        }),
      ),
  }
}

/**
 * Every venue the person may see, centre by centre, open ones first. Shares its cache with the
 * settings page (the same keys), so a venue added there shows here at once.
 */
export function useVenueChoices() {
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const details = useQueries({
    queries: (centres.data ?? []).map((centre) => ({
      queryKey: ['centre', centre.id],
      queryFn: () => call(api.GET('/api/centres/{centreId}', { params: { path: { centreId: centre.id } } })),
    })),
  })
  const choices: VenueChoice[] = []
  for (const detail of details) {
    if (!detail.data) continue
    const { venues, ...centre } = detail.data
    for (const venue of venues) if (!venue.archived) choices.push({ venue, centre })
  }
  return {
    choices,
    isPending: centres.isPending || details.some((d) => d.isPending),
    error: centres.error ?? details.find((d) => d.error)?.error ?? null,
  }
}

/** The venue's main entrance, used when a party has no entrance of their own. */
export const mainEntranceOf = (venue: VenueView | undefined): string => venue?.entrances[0] ?? 'Main entrance'
