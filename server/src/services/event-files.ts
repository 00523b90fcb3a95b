/**
 * The minutes of a coordination event: a PDF (its first bytes must say so), 5 MB at most, kept in the database with
 * its SHA-256; written by the event's own unit, read by anyone who may read the event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_EVENT, PDF_MIME } from '@pcmt/shared/uploads';
import type { Db } from '../db/create-db.ts';
import { coordinationEvents, eventAttachments } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { ownEvent } from './border-writes.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';

const PDF_MAGIC = '%PDF-';

/**
 * A file name fit for a header and a listing: no path, no control characters, NFC, at most 120 characters, ending
 * with `ext` (`fallback` when nothing is left).
 */
export function cleanFileName(
  raw: string | undefined,
  ext = '.pdf',
  fallback = 'bien-ban',
): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    // a malformed escape: keep the default
  }
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const safe = (base || `${fallback}${ext}`).normalize('NFC').slice(0, 120);
  return safe.toLowerCase().endsWith(ext) ? safe : `${safe}${ext}`;
}

export async function addAttachment(
  db: Db,
  now: Date,
  scope: Scope,
  eventId: string,
  bytes: Uint8Array,
  fileName: string | undefined,
  ip: string | null,
) {
  await ownEvent(db, now, scope, eventId, 'attachment.create', ip);
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    throw new ApiError(413, 'payload_too_large', 'file: the minute is larger than 5 MB', 'file');
  if (bytes.length === 0)
    throw new ApiError(422, 'file_invalid', 'file: the file is empty', 'file');
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== PDF_MAGIC)
    throw new ApiError(
      415,
      'unsupported_media_type',
      'file: not a PDF (it does not begin with %PDF-)',
      'file',
    );
  const [held] = await db
    .select({ n: count() })
    .from(eventAttachments)
    .where(eq(eventAttachments.eventId, eventId));
  if ((held?.n ?? 0) >= ATTACHMENTS_PER_EVENT)
    throw new ApiError(
      409,
      'too_many_files',
      `file: an event keeps at most ${ATTACHMENTS_PER_EVENT} minutes`,
      'file',
    );
  const row = {
    id: `att-${randomUUID()}`,
    eventId,
    fileName: cleanFileName(fileName),
    mime: PDF_MIME,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  };
  return db.transaction(async (tx) => {
    await tx.insert(eventAttachments).values(row);
    await audit(tx, now, {
      actor: scope.user,
      action: 'attachment.create',
      objectType: 'event_attachment',
      objectId: row.id,
      changes: diff(null, {
        eventId,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      }),
      outcome: 'ok',
      clientIp: ip,
    });
    const { content: _c, ...meta } = row;
    return { ...meta, createdAt: now };
  });
}

/** The file of an attachment, if the user may read its event. */
export async function readAttachment(db: Db, now: Date, scope: Scope, eventId: string, id: string) {
  const [row] = await db
    .select({ a: eventAttachments, province: coordinationEvents.provinceSlug })
    .from(eventAttachments)
    .innerJoin(coordinationEvents, eq(coordinationEvents.id, eventAttachments.eventId))
    .where(and(eq(eventAttachments.id, id), eq(eventAttachments.eventId, eventId)));
  if (!row || !inScope(scope, row.province))
    return denyOutOfScope(db, now, scope, `Attachment ${id}`, 'id', {
      objectType: 'event_attachment',
      objectId: id,
    });
  return row.a;
}
