import { Box, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { endOfMonth, formatDay, todayLocal } from '../../volunteering-dates'
import { isUrgent, plural, STATUS_ORDER } from '../../volunteering-words'
import { CentrePicker } from './centre-picker'
import { ComplianceList } from './compliance-list'
import { ComplianceMatrix } from './compliance-matrix'
import classes from './compliance.module.css'
import { complianceQuery, useCentreChoice } from './queries'
import { StatusBadge } from './status-badge'
import type { Matrix } from './types'
import { VolunteersNav } from './volunteers-nav'

function Counts({ matrix }: { matrix: Matrix }) {
  const shown = STATUS_ORDER.filter((s) => s !== 'optional' && (matrix.counts[s] ?? 0) > 0)
  return (
    <ul className={classes.counts} aria-label="How many of each">
      {shown.map((status) => (
        <li key={status}>
          <Group gap={6} wrap="nowrap">
            <StatusBadge status={status} />
            <Text fw={700}>{matrix.counts[status]}</Text>
          </Group>
        </li>
      ))}
    </ul>
  )
}

/** Every volunteer against every requirement, today or on a day ahead, to see what will lapse. */
export function CompliancePage() {
  const { centres, centre, choose, isPending, error } = useCentreChoice()
  const [params, setParams] = useSearchParams()
  const asOf = params.get('asOf') ?? undefined
  const onlyProblems = params.get('problems') === '1'
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  const matrix = useQuery({
    ...complianceQuery(centre?.id ?? '', asOf),
    enabled: Boolean(centre),
    placeholderData: keepPreviousData,
  })
  const today = todayLocal()
  const rows = (matrix.data?.rows ?? []).filter(
    (row) => !onlyProblems || row.cells.some((c) => isUrgent(c.status)),
  )
  return (
    <>
      <PageTitle
        title="Compliance"
        intro="Each volunteer against each check, course and policy. Look ahead to see what will have lapsed."
      />
      <VolunteersNav />
      <Stack gap="lg">
        <CentrePicker centres={centres} value={centre?.id} onChange={choose} />
        <Group align="flex-end" gap="sm">
          <TextInput
            label="As of"
            type="date"
            value={asOf ?? today}
            onChange={(event) => set('asOf', event.currentTarget.value || null)}
            w={200}
          />
          <Button variant="default" onClick={() => set('asOf', null)}>
            Today
          </Button>
          <Button variant="default" onClick={() => set('asOf', endOfMonth(today, 1))}>
            End of next month
          </Button>
        </Group>
        <Box visibleFrom="sm">
          <Switch
            label="Only volunteers with something to look at now"
            checked={onlyProblems}
            onChange={(event) => set('problems', event.currentTarget.checked ? '1' : null)}
          />
        </Box>
        {isPending || matrix.isPending ? <Loading label="Loading the compliance matrix" /> : null}
        <FormError error={error ?? matrix.error} title="We could not load the compliance matrix" />
        {matrix.data ? (
          <>
            <Text aria-live="polite">
              As of {formatDay(matrix.data.asOf)}: {plural(matrix.data.rows.length, 'volunteer')} cleared to
              start, in training or working. Earlier stages are on the recruitment board.
            </Text>
            <Counts matrix={matrix.data} />
            <Box visibleFrom="sm">
              {rows.length === 0 ? (
                <Text>No one to show.</Text>
              ) : (
                <ComplianceMatrix matrix={matrix.data} rows={rows} />
              )}
            </Box>
            <Box hiddenFrom="sm">
              <ComplianceList rows={matrix.data.rows} />
            </Box>
          </>
        ) : null}
      </Stack>
    </>
  )
}
