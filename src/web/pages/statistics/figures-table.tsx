import { Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { describeFigures, type FigureSection } from './report-figures'
import type { Definition } from './statistics-types'
import classes from './statistics.module.css'

/**
 * One section of a return as a two-column table (what, how many), each figure with what it counts
 * folded underneath, so the numbers can be copied across one by one.
 */
export function FiguresTable({
  section,
  definitions,
}: {
  section: FigureSection
  definitions: Definition[]
}) {
  const headingId = useId()
  return (
    <section className={classes.card} aria-labelledby={headingId} data-testid={`figures-${section.id}`}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {section.title}
      </Title>
      <Table verticalSpacing={6} maw={640}>
        <Table.Caption className="sr-only">{section.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col" className={classes.numbers}>
              Number
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {describeFigures(section, definitions).map((figure) => {
            const { definition } = figure
            const strong = figure.depth === 0 || figure.value === ''
            return (
              <Table.Tr key={`${figure.key}-${figure.label}`} data-figure={figure.key}>
                <Table.Th
                  scope="row"
                  fw={strong ? 600 : 400}
                  className={figure.depth > 0 ? classes[`depth${figure.depth}`] : undefined}
                >
                  {figure.label}
                  {definition ? (
                    <details className={classes.what}>
                      <summary>What this counts</summary>
                      <p>{definition.meaning}</p>
                    </details>
                  ) : null}
                </Table.Th>
                <Table.Td className={classes.numbers} fw={figure.depth === 0 ? 700 : 400} valign="top">
                  {figure.value}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </section>
  )
}

/** Every definition the report carries, written out once at the end (folded away: it is long). */
export function DefinitionsList({ definitions }: { definitions: Definition[] }) {
  const headingId = useId()
  if (definitions.length === 0) return null
  return (
    <section className={classes.card} aria-labelledby={headingId} data-testid="definitions">
      <Title order={2} size="h3" id={headingId}>
        What each figure counts
      </Title>
      <Text mt={4}>
        How every figure above is counted, in words you can give NACCC or a funder. The downloads carry them
        too.
      </Text>
      <details className={classes.what}>
        <summary>Show all {definitions.length} definitions</summary>
        <dl className={classes.definitions}>
          {definitions.map((d) => (
            <div key={d.figure}>
              <dt>{d.term}</dt>
              <dd>{d.meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  )
}
