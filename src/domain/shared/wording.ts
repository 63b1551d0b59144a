function partsOf(instant: Date, timeZone: string, withTime: boolean): (type: string) => string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime && { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    timeZone,
  }).formatToParts(instant)
  return (type) => parts.find((p) => p.type === type)?.value ?? ''
}

/** A calendar date as people say it: "Sunday 7 January 2029". */
export function sayDay(date: string): string {
  const part = partsOf(new Date(`${date}T00:00:00Z`), 'UTC', false)
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}

/** An instant as the centre's clock shows it: "Sunday 7 January 2029 at 10:00". */
export function sayMoment(instant: string, timeZone: string): string {
  const part = partsOf(new Date(instant), timeZone, true)
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`
}
