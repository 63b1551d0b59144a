import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { IconFolderOpen } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import type { PartyView, ReferralDetail } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { TransitionsTable } from '../../components/transitions-table'
import { NextSteps } from './detail/next-steps'
import { PreVisitsSection } from './detail/pre-visits-section'
import { ReferralSummary } from './detail/referral-summary'
import { RiskAssessmentsList } from './detail/risk-assessments-list'
import { StatusStepper } from './detail/status-stepper'
import { statusLabel } from './labels'
import { groundRulesQuery, referralKey, referralQuery } from './queries'
import { StatusBadge } from './shared/badges'
import { CourtOrdersSection } from './shared/court-orders'
import { DocumentsSection } from './shared/documents'
import { GroundRulesSign } from './shared/ground-rules-sign'
import { PartyList } from './shared/party-list'
import { Section } from './shared/section'

const OPEN = ['received', 'pre_visits', 'risk_assessed', 'waitlisted']

/** One referral on one screen: where it stands, what to do next, the people, and its history. */
export function ReferralPage() {
  const { referralId = '' } = useParams()
  const referral = useQuery(referralQuery(referralId))
  if (referral.isPending) return <Loading label="Loading the referral" />
  if (!referral.data) {
    return (
      <>
        <PageTitle title="Referral" />
        <FormError error={referral.error} title="We could not load this referral" />
      </>
    )
  }
  return <ReferralFile referral={referral.data} />
}

function ReferralFile({ referral }: { referral: ReferralDetail }) {
  const { data: session } = useSession()
  const queryClient = useQueryClient()
  const isDesk = hasRole(session, 'admin', 'coordinator')
  const rules = useQuery({ ...groundRulesQuery, enabled: isDesk })
  const reload = () => queryClient.invalidateQueries({ queryKey: referralKey(referral.id) })
  const current = rules.data
  const signable = (p: PartyView) =>
    isDesk && current && p.kind === 'adult' && p.attendance === 'allowed' && referral.status !== 'declined'
  const isOpen = OPEN.includes(referral.status)
  const canVisit = isOpen && referral.status !== 'received'

  return (
    <>
      <PageTitle title={`Referral ${referral.reference}`} intro={referral.familyLabel} />
      <Stack gap="lg">
        <Group gap="sm">
          <StatusBadge status={referral.status} />
          <Anchor component={Link} to="/referrals" size="sm">
            Back to referrals
          </Anchor>
        </Group>
        <StatusStepper referral={referral} />
        {referral.caseId ? (
          <Alert
            color="kin"
            variant="light"
            title="The family has a case"
            icon={<IconFolderOpen aria-hidden="true" />}
          >
            <Group gap="sm">
              <Text size="sm">Sessions, reviews and notes are kept in the case file.</Text>
              <Button component={Link} to={`/cases/${referral.caseId}`} size="xs">
                Open the case file
              </Button>
            </Group>
          </Alert>
        ) : null}
        {isDesk && referral.nextSteps.length > 0 ? <NextSteps referral={referral} /> : null}
        <ReferralSummary referral={referral} />
        <Section title="People" intro="Contact details are kept from the other parent.">
          <PartyList
            parties={referral.parties}
            canReveal={isDesk}
            extra={(p) =>
              signable(p) && current ? (
                <GroundRulesSign
                  partyId={p.id}
                  name={p.fullName}
                  rules={current}
                  signed={referral.groundRules?.adults.find((a) => a.partyId === p.id)}
                  onSigned={reload}
                />
              ) : null
            }
          />
        </Section>
        {isDesk && (canVisit || referral.preVisits.length > 0) ? (
          <PreVisitsSection referral={referral} />
        ) : null}
        {isDesk ? (
          <Section title="Risk assessments">
            <RiskAssessmentsList assessments={referral.riskAssessments} />
          </Section>
        ) : null}
        <CourtOrdersSection
          referralId={referral.id}
          orders={referral.courtOrders}
          canAdd={isOpen || referral.status === 'accepted'}
          canDownload={isDesk}
          onAdded={reload}
        />
        <DocumentsSection
          referralId={referral.id}
          documents={referral.documents}
          canUpload={isOpen || referral.status === 'accepted'}
          canDownload={isDesk}
          onUploaded={reload}
        />
        <Section title="History">
          <TransitionsTable
            transitions={referral.transitions}
            label={`History of referral ${referral.reference}`}
            stateLabel={statusLabel}
          />
        </Section>
      </Stack>
    </>
  )
}
