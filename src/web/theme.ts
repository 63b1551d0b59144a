import { createTheme, type MantineColorsTuple } from '@mantine/core'

/** A deep teal: white text on shades 7 to 9 passes WCAG AA (at least 4.5:1). */
const kin: MantineColorsTuple = [
  '#e6f7f3',
  '#c5ece3',
  '#9adccf',
  '#67c8b6',
  '#3fb39f',
  '#23a08b',
  '#14907b',
  '#0b7563',
  '#086553',
  '#055344',
]

export const theme = createTheme({
  colors: { kin },
  primaryColor: 'kin',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif' },
  focusRing: 'always',
  cursorType: 'pointer',
  // People who ask their device for less motion get dialogs and menus without the fade.
  respectReducedMotion: true,
})
