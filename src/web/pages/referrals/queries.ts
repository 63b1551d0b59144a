import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { ReferralDetail } from '../../api/types'

export const intakeOptionsQuery = {
  queryKey: ['intake-options'],
  queryFn: () => call(api.GET('/api/intake/options')),
  staleTime: 5 * 60_000,
} as const

export const groundRulesQuery = {
  queryKey: ['ground-rules'],
  queryFn: () => call(api.GET('/api/ground-rules')),
  staleTime: 5 * 60_000,
} as const

export const referralKey = (referralId: string) => ['referral', referralId] as const

export function referralQuery(referralId: string) {
  return {
    queryKey: referralKey(referralId),
    queryFn: () => call(api.GET('/api/referrals/{referralId}', { params: { path: { referralId } } })),
  }
}

/**
 * A piece of desk work on a referral. The API answers with the referral as it now stands, which
 * replaces the one on screen; the inbox and waiting list are read again next time they are shown.
 */
export function useReferralAction<T>(
  referralId: string,
  run: (input: T) => Promise<ReferralDetail>,
  onDone?: (referral: ReferralDetail) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (referral) => {
      queryClient.setQueryData(referralKey(referralId), referral)
      await queryClient.invalidateQueries({ queryKey: ['referrals'] })
      await queryClient.invalidateQueries({ queryKey: ['waiting-list'] })
      onDone?.(referral)
    },
  })
}
