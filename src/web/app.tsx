import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { createQueryClient } from './query-client'
import { router } from './router'
import { theme } from './theme'

/** The nonce the server put in this page for its Content-Security-Policy. */
const styleNonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? ''

export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    // Theme variables and helper classes come from the built stylesheet (see vite.config.ts), so
    // Mantine is told not to write its own <style> tags.
    <MantineProvider
      theme={theme}
      forceColorScheme="light"
      withCssVariables={false}
      withGlobalClasses={false}
      getStyleNonce={() => styleNonce}
    >
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  )
}
