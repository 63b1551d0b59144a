import { Anchor, Badge, Group, Stack } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import type { CaseDetail } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { TransitionsTable } from '../../components/transitions-table'
import { formatDate } from '../../format'
import { RiskAssessmentsList } from '../referrals/detail/risk-assessments-list'
import { LEVEL_LABELS, statusLabel } from '../referrals/labels'
import { RiskFlagBadges } from '../referrals/shared/badges'
import { CourtOrdersSection } from '../referrals/shared/court-orders'
import { DocumentsSection } from '../referrals/shared/documents'
import { Facts } from '../referrals/shared/facts'
import { Section } from '../referrals/shared/section'
import { CloseCaseSection } from './close-case-section'
import { ConductSection } from './conduct-section'
import { GroundRulesSection } from './ground-rules-section'
import { LevelSection } from './level-section'
import { NotesSection } from './notes-section'
import { PeopleSection } from './people-section'
import { caseKey, caseQuery } from './queries'
import { ReadinessSection } from './readiness-section'
import { ReportsSection } from './reports-section'
import { ReviewDue } from './review-due'
import { ReviewsSection } from './reviews-section'
import { ScheduleSection } from './schedule-section'

/** The family's case file on one screen. */
export function CasePage() {
  const { caseId = '' } = useParams()
  const detail = useQuery(caseQuery(caseId))
  if (detail.isPending) return <Loading label="Loading the case file" />
  if (!detail.data) {
    return (
      <>
        <PageTitle title="Case" />
        <FormError error={detail.error} title="We could not load this case" />
      </>
    )
  }
  return <CaseFile detail={detail.data} />
}

function CaseFile({ detail }: { detail: CaseDetail }) {
  const queryClient = useQueryClient()
  const reload = () => queryClient.invalidateQueries({ queryKey: caseKey(detail.id) })
  const isActive = detail.status === 'active'
  return (
    <>
      <PageTitle title={`Case ${detail.reference}`} intro={detail.familyLabel} />
      <Stack gap="lg">
        <Group gap="sm">
          <Badge color={isActive ? 'kin' : 'gray.7'} variant="filled">
            {isActive ? 'Open' : 'Closed'}
          </Badge>
          <Anchor component={Link} to="/cases" size="sm">
            Back to cases
          </Anchor>
        </Group>
        <Section title="Summary">
          <Stack gap="sm">
            <Facts
              facts={[
                { label: 'Contact level', value: LEVEL_LABELS[detail.serviceLevel] },
                { label: 'Opened', value: formatDate(detail.openedAt) },
                {
                  label: 'Next review',
                  value: <ReviewDue on={detail.reviewDueOn} overdue={detail.reviewOverdue} />,
                },
                {
                  label: 'Referral',
                  value: (
                    <Anchor component={Link} to={`/referrals/${detail.referralId}`} ff="monospace">
                      {detail.referralReference}
                    </Anchor>
                  ),
                },
              ]}
            />
            <RiskFlagBadges flags={detail.riskFlags} label="Risks on this case" />
          </Stack>
        </Section>
        {isActive ? <ReadinessSection caseId={detail.id} /> : null}
        <ScheduleSection detail={detail} />
        <PeopleSection detail={detail} canAdd={isActive} onAdded={reload} />
        <GroundRulesSection detail={detail} />
        <LevelSection detail={detail} />
        <ReviewsSection detail={detail} />
        <NotesSection detail={detail} />
        <ConductSection caseId={detail.id} />
        <ReportsSection detail={detail} />
        <CourtOrdersSection
          referralId={detail.referralId}
          orders={detail.courtOrders}
          canAdd={isActive}
          canDownload
          onAdded={reload}
        />
        <DocumentsSection
          referralId={detail.referralId}
          documents={detail.documents}
          canUpload={isActive}
          canDownload
          onUploaded={reload}
        />
        <Section title="Risk assessments">
          <RiskAssessmentsList assessments={detail.riskAssessments} />
        </Section>
        <CloseCaseSection detail={detail} />
        <Section title="History">
          <TransitionsTable
            transitions={detail.transitions}
            label={`History of case ${detail.reference}`}
            stateLabel={statusLabel}
          />
        </Section>
      </Stack>
    </>
  )
}
