import { Alert, List, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useParams } from 'react-router'
import { api, ApiError, call } from '../../api/client'
import type { SelfReferralReceipt } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { useDocumentTitle } from '../../components/page-title'
import { PublicLayout } from '../../shell/public-layout'
import { Receipt } from './receipt'
import { SelfReferralForm } from './self-referral-form'

/** The public form a parent uses to ask a centre for help, without signing in. */
export function SelfReferralPage() {
  const { centreId = '' } = useParams()
  const centre = useQuery({
    queryKey: ['public-centre', centreId],
    queryFn: () => call(api.GET('/api/public/centres/{centreId}', { params: { path: { centreId } } })),
    retry: false,
  })
  const [receipt, setReceipt] = useState<SelfReferralReceipt | null>(null)
  useDocumentTitle(centre.data ? `Apply to ${centre.data.centreName}` : 'Apply to a contact centre')

  if (receipt) {
    return (
      <PublicLayout>
        <Receipt receipt={receipt} />
      </PublicLayout>
    )
  }
  if (centre.isPending) {
    return (
      <PublicLayout>
        <Loading label="Loading the form" />
      </PublicLayout>
    )
  }
  if (!centre.data) {
    const notFound = centre.error instanceof ApiError && centre.error.code === 'NOT_FOUND'
    return (
      <PublicLayout>
        <Title order={1} mb="md">
          Apply to a contact centre
        </Title>
        {notFound ? (
          <Alert color="yellow" variant="light" title="This form is not open">
            This centre is not taking applications online at the moment. Please contact the centre, or ask
            your solicitor or social worker to refer you.
          </Alert>
        ) : (
          <FormError error={centre.error} title="We could not load the form" />
        )}
      </PublicLayout>
    )
  }
  const { centreName, organisationName, servicesOffered, whatHappensNext } = centre.data
  return (
    <PublicLayout>
      <Stack gap="lg">
        <div>
          <Title order={1}>Apply to {centreName}</Title>
          <Text c="dimmed">{organisationName}</Text>
        </div>
        <Text>
          A contact centre is a safe, friendly place where children can spend time with a parent they do not
          live with. Each parent fills in this form separately. It takes about 10 minutes.
        </Text>
        <div>
          <Title order={2} size="h4" mb="xs">
            What happens after you apply
          </Title>
          <List type="ordered" spacing="xs" size="sm">
            {whatHappensNext.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </div>
        <SelfReferralForm
          centreId={centreId}
          centreName={centreName}
          services={servicesOffered}
          onSent={setReceipt}
        />
      </Stack>
    </PublicLayout>
  )
}
