import { TextInput, type TextInputProps } from '@mantine/core'

/** A one-time code field: numeric keyboard on phones, and the phone may fill it in from a message. */
export function CodeInput(props: TextInputProps) {
  return (
    <TextInput
      label="6-digit code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      size="md"
      styles={{ input: { letterSpacing: '0.3em', fontSize: '1.25rem', maxWidth: '12rem' } }}
      {...props}
    />
  )
}

/** Strips the spaces people type or paste between digit groups. */
export const cleanCode = (value: string): string => value.replace(/\s+/g, '')

export const isSixDigits = (value: string): string | null =>
  /^\d{6}$/.test(cleanCode(value)) ? null : 'Enter the 6 digits shown in your app'
