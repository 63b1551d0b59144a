import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { CaseDetail, CentreDetail, PlanView, SchedulingSettings } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { ActionPanel } from '../referrals/detail/action-panel'
import { notifyDone } from '../referrals/shared/notify'
import { BookingRefused, FreeTimes, PreviewResult, type Slot } from './schedule-plan-check'
import { SkipDatesField } from './schedule-date-list'
import { ArrivalFields, PlaceFields, WhenFields } from './schedule-plan-fields'
import {
  firstDateOf,
  newPlanValues,
  planBody,
  planValidation,
  planValues,
  toFormErrors,
  type PlanValues,
} from './schedule-plan-values'
import { fieldErrorsOf, schedulingSettingsQuery, useScheduleAction } from './schedule-queries'
import { todayIn } from './schedule-words'

interface Props {
  detail: CaseDetail
  centre: CentreDetail | undefined
  timeZone: string
  /** The plan to change from a date on; without it, a new plan is booked. */
  changing?: PlanView
  /** The first date a change applies to, at first; today without it. */
  changeFrom?: string
  onDone: () => void
}

/**
 * Books a contact plan, or changes one from a date on. Before booking, "Check dates" lists each
 * date with what it clashes with; a refusal lists every clash, and the dates that fit can be booked
 * on their own.
 */
export function SchedulePlanForm(props: Props) {
  const settings = useQuery(schedulingSettingsQuery)
  if (settings.error)
    return <FormError error={settings.error} title="We could not load the scheduling rules" />
  if (!settings.data || !props.centre) return <Loading label="Loading the venues and rules" />
  return <PlanForm {...props} settings={settings.data} />
}

interface Booking {
  values: PlanValues
  skipConflicting: boolean
}

function PlanForm({
  detail,
  centre,
  timeZone,
  changing,
  changeFrom,
  onDone,
  settings,
}: Props & { settings: SchedulingSettings }) {
  const caseId = detail.id
  const preview = useMutation({
    mutationFn: (values: PlanValues) =>
      call(
        api.POST('/api/cases/{caseId}/plans/preview', {
          params: { path: { caseId } },
          body: { ...planBody(values, false), firstOn: firstDateOf(values) },
        }),
      ),
  })
  const book = useScheduleAction(
    caseId,
    ({ values, skipConflicting }: Booking) =>
      changing
        ? call(
            api.POST('/api/plans/{planId}/change', {
              params: { path: { planId: changing.id } },
              body: {
                ...planBody(values, skipConflicting),
                from: values.firstOn,
                reason: values.reason.trim(),
              },
            }),
          )
        : call(
            api.POST('/api/cases/{caseId}/plans', {
              params: { path: { caseId } },
              body: { ...planBody(values, skipConflicting), firstOn: firstDateOf(values) },
            }),
          ),
    (booked) => {
      const sessions = booked.sessions.length === 1 ? '1 session' : `${booked.sessions.length} sessions`
      const skipped =
        booked.skipped.length > 0 ? ` ${booked.skipped.length} clashing dates were skipped.` : ''
      notifyDone(
        changing ? 'Plan changed' : 'Sessions booked',
        `${sessions} booked.${skipped} Both parents are told by email.`,
      )
      onDone()
    },
  )
  const form = useForm<PlanValues>({
    initialValues: changing
      ? planValues(changing, changeFrom ?? todayIn(timeZone))
      : newPlanValues(detail, centre, settings),
    validate: {
      ...planValidation,
      firstOn: (v, all) => (changing && !v ? 'Enter the date' : planValidation.firstOn(v, all)),
      reason: (v) => (changing && !v.trim() ? 'Say why the plan changes' : null),
    },
    onValuesChange: () => {
      if (preview.data || preview.error) preview.reset()
      if (book.error) book.reset()
    },
  })
  const onError = (error: unknown) => form.setErrors(toFormErrors(fieldErrorsOf(error)))
  const submit = (values: PlanValues, skipConflicting: boolean) =>
    book.mutate({ values, skipConflicting }, { onError })
  const checkDates = () => {
    if (form.validate().hasErrors) return
    preview.mutate(form.getValues(), { onError })
  }
  const bookFitting = () => {
    if (!form.validate().hasErrors) submit(form.getValues(), true)
  }
  const fillFromSlot = (slot: Slot) => {
    const { frequency, dates } = form.getValues()
    form.setValues({
      ...(frequency === 'on_dates'
        ? { dates: [...new Set([...dates, slot.date])].sort() }
        : { firstOn: slot.date }),
      startsAt: slot.startsAt,
      venueId: slot.venueId,
      roomId: slot.roomId,
    })
  }
  const values = form.getValues()
  return (
    <ActionPanel title={changing ? 'Change this plan from a date' : 'Book sessions'}>
      <form onSubmit={form.onSubmit((v) => submit(v, false))} noValidate>
        <Stack>
          <WhenFields form={form} changing={changing !== undefined} />
          <PlaceFields form={form} centre={centre} />
          {values.isOffsite ? null : (
            <FreeTimes
              query={{
                caseId,
                from: /^\d{4}-\d{2}-\d{2}$/.test(firstDateOf(values))
                  ? firstDateOf(values)
                  : todayIn(timeZone),
                durationMinutes: Number(values.durationMinutes) || 120,
                venueId: values.venueId,
                roomId: values.roomId,
              }}
              onUse={fillFromSlot}
            />
          )}
          <ArrivalFields form={form} centre={centre} settings={settings} />
          {values.frequency === 'one_off' || values.frequency === 'on_dates' ? null : (
            <SkipDatesField form={form} />
          )}
          <Textarea label="Notes for the team" autosize minRows={2} {...form.getInputProps('notes')} />
          {changing ? (
            <Textarea
              label="Why does the plan change?"
              required
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
          ) : null}
          {preview.data ? (
            <PreviewResult
              preview={preview.data}
              timeZone={timeZone}
              onBookFitting={bookFitting}
              isBooking={book.isPending}
            />
          ) : null}
          <FormError error={preview.error} title="We could not check the dates" />
          {book.error ? (
            <BookingRefused
              error={book.error}
              nothing={changing ? 'Nothing was changed' : 'Nothing was booked'}
              canSkip={values.frequency !== 'one_off' && !book.variables?.skipConflicting}
              onBookFitting={bookFitting}
              isBooking={book.isPending}
            />
          ) : null}
          {changing ? (
            <Text size="sm" c="dimmed">
              The new times are checked when you save. If any date clashes, nothing changes and each clash is
              listed.
            </Text>
          ) : null}
          <Group>
            {changing ? null : (
              <Button variant="default" onClick={checkDates} loading={preview.isPending}>
                Check dates
              </Button>
            )}
            <Button type="submit" loading={book.isPending}>
              {changing ? 'Save the change' : 'Book sessions'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
