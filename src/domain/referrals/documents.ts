import { findDocument, insertDocument } from '../../db/repositories/intake-records.repository'
import { findReferral } from '../../db/repositories/referrals.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { newId } from '../shared/ids'
import { decodeBase64, MAX_DOCUMENT_BYTES, sniffDocumentType } from './documents.rules'
import { presentDocument } from './referrals.presenter'
import { assertDesk, assertViewer } from './referrals.policy'
import type { UploadDocumentInput } from './referrals.schemas'

/**
 * Keeps a copy of an order or another document on a referral, sealed like any protected field.
 * Its type is read from its content and its stored name is made here, never taken from the upload.
 * @throws AppError PAYLOAD_TOO_LARGE over 5 MB; UNSUPPORTED_MEDIA_TYPE unless PDF, PNG or JPEG.
 */
export async function uploadDocument(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: UploadDocumentInput,
) {
  const content = decodeBase64(input.contentBase64)
  if (!content) throw new AppError('INVALID_INPUT', 'The file could not be read.', { field: 'contentBase64' })
  if (content.length > MAX_DOCUMENT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MB.', {
      limitBytes: MAX_DOCUMENT_BYTES,
    })
  const sniffed = sniffDocumentType(content)
  if (!sniffed) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a PDF, PNG or JPEG file.')
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    const { referral } = assertViewer(actor, await findReferral(trx, scope, referralId))
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      referral_id: referral.id,
      kind: input.kind,
      title: input.title,
      content_type: sniffed.type,
      size_bytes: content.length,
      content_sealed: deps.fieldCrypto.encrypt(content.toString('base64')),
      uploaded_by_user_id: actor.userId,
      created_at: deps.clock.now().toISOString(),
    }
    await insertDocument(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'referral.document.upload',
      resourceType: 'document',
      resourceIds: [row.id, referral.id],
      details: { type: sniffed.type, bytes: content.length },
    })
    return presentDocument(row)
  })
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

/**
 * A document's content for the centre's desk, with a name made by Kinbridge.
 * @throws AppError NOT_FOUND outside the actor's centres.
 */
export async function downloadDocument(deps: Deps, actor: Actor, documentId: string) {
  const scope = scopeOf(actor)
  const document = await findDocument(deps.db, scope, documentId)
  if (!document) throw notFound('Document')
  assertDesk(actor, await findReferral(deps.db, scope, document.referral_id))
  const ext = EXTENSIONS[document.content_type] ?? 'bin'
  return {
    contentType: document.content_type,
    filename: `${document.kind}-${document.id.slice(-8)}.${ext}`,
    content: Buffer.from(deps.fieldCrypto.decrypt(document.content_sealed), 'base64'),
  }
}
