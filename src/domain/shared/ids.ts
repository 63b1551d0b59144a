import { v7 } from 'uuid'

/** Time-ordered UUIDv7, generated in the application so both back ends agree (docs/decisions/0003). */
export const newId = (): string => v7()
