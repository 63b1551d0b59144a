import { useMutation, useQueryClient } from '@tanstack/react-query'

/** The query key of one incident; under `incidents`, so a change to any incident reloads it too. */
export const incidentKey = (incidentId: string) => ['incidents', 'one', incidentId] as const

export const conductKey = (caseId: string) => ['conduct', caseId] as const

/**
 * A change to a case's incidents, warnings or suspensions. Afterwards the incidents, the case's
 * conduct, the case file (it is flagged for review) and its schedule and calendar are read again.
 */
export function useConductChange<T, R>(
  caseId: string,
  run: (input: T) => Promise<R>,
  onDone?: (result: R) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      for (const queryKey of [
        ['incidents'],
        conductKey(caseId),
        ['case', caseId],
        ['case-schedule', caseId],
        ['calendar'],
      ])
        await queryClient.invalidateQueries({ queryKey })
      onDone?.(result)
    },
  })
}
