import type { UseFormReturnType } from '@mantine/form'

/** What `form.getInputProps(path)` returns, for field groups used by more than one form. */
export type FieldProps = ReturnType<UseFormReturnType<Record<string, unknown>>['getInputProps']>
