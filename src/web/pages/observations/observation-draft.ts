import type { ObservationSection, ObservationSections } from '../../api/types'
import { SECTION_FIELDS } from './observation-words'

// The rules the editor follows so that nothing typed is ever lost or overwritten unseen. Pure, so
// they are tested without a browser.

/** The text of every section, empty when nothing is written. */
export type Texts = Record<ObservationSection, string>

const KEYS = SECTION_FIELDS.map((field) => field.key)

export function textsOf(sections: ObservationSections | null | undefined): Texts {
  const texts = {} as Texts
  for (const key of KEYS) texts[key] = sections?.[key] ?? ''
  return texts
}

/** The server trims what it keeps, so trailing spaces still being typed are not a change. */
const same = (a: string, b: string) => a.trim() === b.trim()

/** The sections on screen that differ from the last saved copy: only these are sent. */
export function changedSections(onScreen: Texts, saved: Texts): ObservationSections {
  const changes: ObservationSections = {}
  for (const key of KEYS) if (!same(onScreen[key], saved[key])) changes[key] = onScreen[key]
  return changes
}

export function hasChanges(onScreen: Texts, saved: Texts): boolean {
  return KEYS.some((key) => !same(onScreen[key], saved[key]))
}

/** After a save the sent text is the saved copy; what was typed meanwhile stays a change. */
export function withSaved(saved: Texts, sent: ObservationSections): Texts {
  const next = { ...saved }
  for (const key of KEYS) {
    const value = sent[key]
    if (value !== undefined) next[key] = value.trim()
  }
  return next
}

export type Reconciled =
  /** Nothing on the server clashes with the screen: save again on the newer version with `texts`. */
  | { kind: 'merged'; texts: Texts }
  /** A section was changed on the server and on this screen differently: the person chooses. */
  | { kind: 'clash'; sections: ObservationSection[] }

/**
 * Brings a newer server copy together with the screen after a save was refused as out of date.
 * A section changed only on the server (another tab, another device) comes onto the screen; a
 * section changed only here keeps the screen's text; a section changed in both, differently, is a
 * clash the person must settle, and the screen's text is never replaced without asking.
 */
export function reconcile(onScreen: Texts, base: Texts, server: Texts): Reconciled {
  const texts = { ...onScreen }
  const clashes: ObservationSection[] = []
  for (const key of KEYS) {
    if (same(server[key], base[key]) || same(server[key], onScreen[key])) continue
    if (same(onScreen[key], base[key])) texts[key] = server[key]
    else clashes.push(key)
  }
  return clashes.length > 0 ? { kind: 'clash', sections: clashes } : { kind: 'merged', texts }
}

/** Sections that must be written before the record goes for checking and are still empty. */
export function missingSections(texts: Texts, required: readonly ObservationSection[]): ObservationSection[] {
  return required.filter((key) => texts[key].trim() === '')
}

/** Waits between tries after a failed save: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failures - 1))
}
