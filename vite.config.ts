import {
  convertCssVariables,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  mergeMantineTheme,
} from '@mantine/core'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { theme } from './src/web/theme'

const STATIC_CSS_ID = 'virtual:mantine-static.css'

/**
 * Mantine normally writes its theme variables and responsive helper classes into <style> tags at
 * run time. The server's CSP only lets styles in from 'self', so this plugin renders the same CSS at
 * build time into the stylesheet instead (the app turns the run-time tags off).
 */
function mantineStaticCss(): Plugin {
  const resolvedId = `\0${STATIC_CSS_ID}`
  return {
    name: 'kinbridge-mantine-static-css',
    resolveId: (id) => (id === STATIC_CSS_ID ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined
      const merged = mergeMantineTheme(DEFAULT_THEME, theme)
      const variables = convertCssVariables(defaultCssVariablesResolver(merged), ':root')
      const helpers = Object.entries(merged.breakpoints).map(
        ([name, size]) =>
          `@media (max-width: calc(${size} - 0.1px)) {.mantine-visible-from-${name} {display: none !important;}}` +
          `@media (min-width: ${size}) {.mantine-hidden-from-${name} {display: none !important;}}`,
      )
      return `${variables}\n${helpers.join('\n')}\n`
    },
  }
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), mantineStaticCss()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
