import { Anchor, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ReferralDetail } from '../../../api/types'
import { formatDate } from '../../../format'
import { SERVICE_LABELS } from '../labels'
import { RiskFlagBadges } from '../shared/badges'
import { Facts } from '../shared/facts'
import { Section } from '../shared/section'

const CHANNELS: Record<ReferralDetail['channel'], string> = {
  staff: 'Entered by the centre',
  referrer: 'Sent by the referrer',
  self: 'A parent applied online',
}

const ACTING_FOR = {
  resident: 'the parent the children live with',
  non_resident: 'the visiting parent',
  both: 'neither parent',
}

/** What was asked for, by whom, the risks it names and any decision. */
export function ReferralSummary({ referral }: { referral: ReferralDetail }) {
  const r = referral.referrer
  return (
    <Section title="About the referral">
      <Stack gap="md">
        <Facts
          facts={[
            { label: 'Received', value: `${formatDate(referral.receivedAt)} (${referral.ageDays} days ago)` },
            { label: 'How it came', value: CHANNELS[referral.channel] },
            { label: 'Source', value: referral.source.label },
            { label: 'Service asked for', value: SERVICE_LABELS[referral.serviceRequested] },
            { label: 'How often', value: referral.frequencyRequested },
            {
              label: 'Referrer',
              value: r
                ? [r.name, r.role, r.organisation].filter(Boolean).join(', ') +
                  (r.actingFor ? `; acting for ${ACTING_FOR[r.actingFor]}` : '')
                : null,
            },
            { label: 'Referrer’s contact', value: r ? [r.phone, r.email].filter(Boolean).join(', ') : null },
            { label: 'Decided', value: referral.decidedAt ? formatDate(referral.decidedAt) : null },
            {
              label: 'On the waiting list since',
              value: referral.waitlistedAt ? formatDate(referral.waitlistedAt) : null,
            },
            { label: 'Reason for the decision', value: referral.decisionReason },
            {
              label: 'Joined into',
              value: referral.mergedIntoId ? (
                <Anchor component={Link} to={`/referrals/${referral.mergedIntoId}`}>
                  the other parent’s referral
                </Anchor>
              ) : null,
            },
          ]}
        />
        {referral.riskFlags.length > 0 ? (
          <RiskFlagBadges flags={referral.riskFlags} label="Risks named on the referral" />
        ) : null}
        {referral.riskNarrative ? (
          <div>
            <Text size="sm" c="dimmed">
              What the referrer knows about the risks (coordinators only)
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }}>{referral.riskNarrative}</Text>
          </div>
        ) : null}
      </Stack>
    </Section>
  )
}
