import { Button } from '@mantine/core'
import { useState } from 'react'
import type { CaseDetail } from '../../api/types'
import { AddPersonForm } from '../referrals/shared/add-person-form'
import { PartyList } from '../referrals/shared/party-list'
import { Section } from '../referrals/shared/section'

/** Everyone on the case, with who may and may not attend, and a form to add someone. */
export function PeopleSection({
  detail,
  canAdd,
  onAdded,
}: {
  detail: CaseDetail
  canAdd: boolean
  onAdded: () => Promise<void>
}) {
  const [adding, setAdding] = useState(false)
  return (
    <Section
      title="People"
      intro="Who may attend, who must not, and each person’s warnings."
      actions={
        canAdd && !adding ? (
          <Button variant="default" onClick={() => setAdding(true)}>
            Add a person
          </Button>
        ) : null
      }
    >
      {adding ? (
        <AddPersonForm
          referralId={detail.referralId}
          onDone={async (added) => {
            if (added) await onAdded()
            setAdding(false)
          }}
        />
      ) : null}
      <PartyList parties={detail.parties} canReveal />
    </Section>
  )
}
