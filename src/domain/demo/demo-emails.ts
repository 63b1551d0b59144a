import { demoEmail } from './demo-organisation'

interface DemoEmail {
  to: string
  subject: string
  text: string
}

/** A few messages so the demo outbox shows what Kinbridge sends; the .local addresses never deliver. */
export function demoEmails(publicUrl: URL): DemoEmail[] {
  const signIn = new URL('/', publicUrl).toString()
  return [
    {
      to: demoEmail('volunteer'),
      subject: 'You have been invited to Kinbridge',
      text: [
        'Hello Demo Volunteer,',
        '',
        'You have been given an account on Kinbridge for St Helier Child Contact Centre.',
        'This is demo data: sign in with the demo password at',
        '',
        signIn,
      ].join('\n'),
    },
    {
      to: demoEmail('referrer'),
      subject: 'Referral received: St Helier Child Contact Centre',
      text: [
        'Hello Demo Referrer,',
        '',
        'Thank you for your referral. The coordinator will arrange pre-visits with both parents',
        'before any parenting time is booked.',
      ].join('\n'),
    },
    {
      to: demoEmail('parent'),
      subject: 'Your pre-visit at Grands Vaux School',
      text: [
        'Hello Demo Parent,',
        '',
        'Your pre-visit is booked for Sunday at Grands Vaux School. Please use the entrance you are shown,',
        'so the two parents arrive and leave at different times.',
      ].join('\n'),
    },
  ]
}
