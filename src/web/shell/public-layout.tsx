import { Anchor, Box, Container, Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { BrandMark } from './brand-mark'
import classes from './public-layout.module.css'

/** The frame for pages used before signing in: a friendly header and one centred card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box className={classes.page}>
      <header className={classes.header}>
        <Container size="xs">
          <Anchor
            component={Link}
            to="/login"
            underline="never"
            c="inherit"
            aria-label="Kinbridge, go to sign in"
          >
            <BrandMark />
          </Anchor>
        </Container>
      </header>
      <Container size="xs" component="main" id="main" className={classes.main}>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {children}
        </Paper>
        <Group justify="center" mt="md">
          <Text size="sm" c="dimmed">
            Kinbridge helps child contact centres keep children safe.
          </Text>
        </Group>
      </Container>
    </Box>
  )
}
