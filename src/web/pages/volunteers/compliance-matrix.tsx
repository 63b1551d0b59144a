import { Anchor, Text, VisuallyHidden } from '@mantine/core'
import { Link } from 'react-router'
import { formatDay } from '../../volunteering-dates'
import { shortTitle, STAGE_LABELS, STATUS_LABELS, STATUS_SHORT } from '../../volunteering-words'
import classes from './compliance.module.css'
import { STATUS_ICONS } from './status-badge'
import type { Matrix, RequirementState } from './types'

type Row = Matrix['rows'][number]

function Cell({ cell }: { cell: RequirementState | undefined }) {
  if (!cell) return <td className={classes.cell}>—</td>
  const StatusIcon = STATUS_ICONS[cell.status]
  const label = cell.status === 'optional' ? 'Optional, not done' : STATUS_LABELS[cell.status]
  return (
    <td className={classes.cell} data-status={cell.status} title={`${cell.title}: ${label}. ${cell.detail}`}>
      {cell.status === 'optional' ? null : <StatusIcon size={16} aria-hidden="true" />}
      <span aria-hidden="true">{STATUS_SHORT[cell.status]}</span>
      <VisuallyHidden>
        {label}. {cell.detail}
      </VisuallyHidden>
    </td>
  )
}

/** Volunteers down, requirements across: each cell a word, an icon and a colour, the detail on hover. */
export function ComplianceMatrix({ matrix, rows }: { matrix: Matrix; rows: Row[] }) {
  return (
    <div className={classes.scroll} tabIndex={0} role="region" aria-label="Compliance matrix">
      <table className={classes.matrix}>
        <caption className="sr-only">
          Each volunteer against each requirement, as of {formatDay(matrix.asOf)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={classes.corner}>
              Volunteer
            </th>
            {matrix.requirements.map((req) => (
              <th key={req.id} scope="col" title={req.title}>
                <span className={classes.rotated} aria-hidden="true">
                  {shortTitle(req.title)}
                </span>
                <VisuallyHidden>{req.title}</VisuallyHidden>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ volunteer, cells }) => (
            <tr key={volunteer.id}>
              <th scope="row" className={classes.name}>
                <Anchor component={Link} to={`/volunteers/${volunteer.id}`} fw={600} size="sm">
                  {volunteer.fullName}
                </Anchor>
                <Text size="xs">{STAGE_LABELS[volunteer.stage]}</Text>
              </th>
              {matrix.requirements.map((req) => (
                <Cell key={req.id} cell={cells.find((c) => c.requirementId === req.id)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
