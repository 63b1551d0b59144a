import { List, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { CaseDetail } from '../../api/types'
import { groundRulesQuery } from '../referrals/queries'
import { GroundRulesSign } from '../referrals/shared/ground-rules-sign'
import { Section } from '../referrals/shared/section'
import { caseKey } from './queries'

/** Which adults have signed the current ground rules, with a button to record a signature. */
export function GroundRulesSection({ detail }: { detail: CaseDetail }) {
  const queryClient = useQueryClient()
  const rules = useQuery(groundRulesQuery)
  const { adults, currentVersion } = detail.groundRules
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: caseKey(detail.id) })
    await queryClient.invalidateQueries({ queryKey: ['case-readiness', detail.id] })
  }
  return (
    <Section title="Ground rules" intro="Every adult who comes signs the centre’s current ground rules.">
      {currentVersion === null ? (
        <Text>The centre has not published its ground rules yet.</Text>
      ) : (
        <List listStyleType="none" spacing="sm">
          {adults.map((adult) => (
            <List.Item key={adult.partyId}>
              <Text fw={600}>{adult.name}</Text>
              {rules.data ? (
                <GroundRulesSign
                  partyId={adult.partyId}
                  name={adult.name}
                  rules={rules.data}
                  signed={{ signedCurrent: adult.signedCurrent, signedAt: adult.signedAt }}
                  onSigned={reload}
                />
              ) : (
                <Text size="sm">{adult.signedCurrent ? 'Signed' : 'Not signed yet'}</Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  )
}
