import { Accordion, List, Stack, Text } from '@mantine/core'
import type { RiskAssessmentView } from '../../../api/types'
import { formatDate } from '../../../format'
import { formatLocalDate } from '../dates'
import { RECOMMENDATION_LABELS, RISK_LEVEL_LABELS } from '../labels'
import { RiskFlagBadges } from '../shared/badges'

/** Each risk assessment: level and recommendation in the heading; factors, conditions and answers inside. */
export function RiskAssessmentsList({ assessments }: { assessments: RiskAssessmentView[] }) {
  if (assessments.length === 0) return <Text>No risk assessment yet.</Text>
  return (
    <Accordion variant="separated" multiple>
      {assessments.map((a) => (
        <Accordion.Item key={a.id} value={a.id}>
          <Accordion.Control>
            <Text fw={600}>
              {a.kind === 'review' ? 'Review' : 'Risk assessment'} of {formatDate(a.assessedAt)}:{' '}
              {RISK_LEVEL_LABELS[a.level].toLowerCase()} risk,{' '}
              {RECOMMENDATION_LABELS[a.recommendedService].toLowerCase()}
            </Text>
            <Text size="sm" c="dimmed">
              By {a.assessedBy ?? 'the centre'}; review by {formatLocalDate(a.reviewDueOn)}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <RiskFlagBadges flags={a.factors} label="Risk factors found" />
              {a.conditions.length > 0 ? (
                <div>
                  <Text fw={600} size="sm">
                    Conditions
                  </Text>
                  <List size="sm">
                    {a.conditions.map((c) => (
                      <List.Item key={c}>{c}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              {a.sections.map((section) => (
                <div key={section.title}>
                  <Text fw={600} size="sm">
                    {section.title}
                  </Text>
                  {section.answers.map((qa) => (
                    <Text size="sm" key={qa.question}>
                      <Text span size="sm" fs="italic">
                        {qa.question}
                      </Text>{' '}
                      {qa.answer || '—'}
                    </Text>
                  ))}
                </div>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  )
}
