/** The file types a centre keeps (copies of orders, letters), told apart by their first bytes. */
const SIGNATURES: { type: string; extension: string; magic: number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
]

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

/** The type of a file from its content, never from its name; null for anything else (FILE-1). */
export function sniffDocumentType(content: Uint8Array): { type: string; extension: string } | null {
  const match = SIGNATURES.find((s) => s.magic.every((byte, i) => content[i] === byte))
  return match ? { type: match.type, extension: match.extension } : null
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Decodes strict base64, or null when it is not base64 at all. */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null
  return Buffer.from(compact, 'base64')
}
