import { Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { CentreRota } from './centre-rota'

const INTRO = 'Who is on each shift, the places still to fill, and swaps waiting for your answer.'

/** The rota: a centre's shifts month by month, with places to fill, suggestions and swaps. */
export function RotaPage() {
  const [search] = useSearchParams()
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const asked = search.get('centre')
  const chosen = centres.data?.find((c) => c.id === asked) ?? centres.data?.[0]
  if (!chosen) {
    return (
      <>
        <PageTitle title="Rota" intro={INTRO} />
        {centres.isPending ? <Loading label="Loading your centres" /> : null}
        <FormError error={centres.error} title="We could not load your centres" />
        {centres.data?.length === 0 ? <Text>There are no centres yet.</Text> : null}
      </>
    )
  }
  return (
    <>
      <PageTitle
        title="Rota"
        intro={`${INTRO} Times are the centre’s own (${chosen.timeZone.replaceAll('_', ' ')}).`}
      />
      <CentreRota key={chosen.id} centre={chosen} centres={centres.data ?? [chosen]} />
    </>
  )
}
