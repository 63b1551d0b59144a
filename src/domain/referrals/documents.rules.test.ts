import { describe, expect, it } from 'vitest'
import { decodeBase64, sniffDocumentType } from './documents.rules'

describe('document type by content (FILE-1)', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n'))?.type).toBe('application/pdf')
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.type).toBe(
      'image/png',
    )
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.type).toBe('image/jpeg')
  })

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00 this is an exe named order.pdf'))).toBeNull()
    expect(sniffDocumentType(Buffer.from('<html>'))).toBeNull()
    expect(sniffDocumentType(Buffer.alloc(0))).toBeNull()
  })

  it('decodes strict base64 only', () => {
    expect(decodeBase64('JVBERi0=')?.toString()).toBe('%PDF-')
    expect(decodeBase64('not base64!')).toBeNull()
    expect(decodeBase64('abc')).toBeNull()
  })
})
