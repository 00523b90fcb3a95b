/**
 * Audit retention: rows are kept at least one year (the database refuses to delete younger ones, migration 0009).
 * Older rows can be archived: written to a CSV with its SHA-256 and a manifest, read back and checked, then deleted,
 * all in one transaction. Run as the owner role: the app's own role may not delete audit rows at all.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, lt } from 'drizzle-orm';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { auditLog } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit } from './audit.ts';
import { auditCsvOf, checksummed, sha256 } from './audit-query.ts';

/** A year, leap day included: nothing younger is ever archived. */
export const AUDIT_MIN_RETENTION_DAYS = 366;

export async function archiveAudit(db: Db, now: Date, olderThanDays: number, dir: string) {
  if (!Number.isInteger(olderThanDays) || olderThanDays < AUDIT_MIN_RETENTION_DAYS)
    throw new ApiError(
      422,
      'validation_failed',
      `older-than-days: audit rows are kept at least ${AUDIT_MIN_RETENTION_DAYS} days`,
      'olderThanDays',
    );
  const before = new Date(now.getTime() - olderThanDays * 86_400_000);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(lt(auditLog.at, before))
      .orderBy(asc(auditLog.id));
    if (!rows.length) return { rows: 0, file: null, sha256: null };
    const name = `nhat-ky-truoc-${vietnamDay(before)}-${now.getTime()}.csv`;
    const { files, digest } = checksummed(
      name,
      auditCsvOf(rows),
      {
        archivedAt: now.toISOString(),
        before: before.toISOString(),
        rows: rows.length,
        firstId: rows[0]!.id,
        lastId: rows.at(-1)!.id,
      },
      `${name}.manifest.json`,
    );
    mkdirSync(dir, { recursive: true });
    for (const [file, bytes] of Object.entries(files))
      writeFileSync(join(dir, file), bytes, { flag: 'wx' });
    // Read back what the disk holds before anything is deleted.
    if (sha256(readFileSync(join(dir, name))) !== digest)
      throw new Error(`archive ${name}: the file on disk does not match its checksum`);
    await tx.delete(auditLog).where(lt(auditLog.at, before));
    await audit(tx, now, {
      actor: null,
      username: 'cli',
      action: 'audit.archive',
      outcome: 'ok',
      detail: `${rows.length} rows before ${before.toISOString()} archived to ${name} (sha256 ${digest})`,
    });
    return { rows: rows.length, file: join(dir, name), sha256: digest };
  });
}
