import { Anchor, Text } from '@mantine/core'
import { Link } from 'react-router'
import { PageTitle } from '../components/page-title'

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <Text>
        There is nothing at this address.{' '}
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
        .
      </Text>
    </>
  )
}
