/** Paging, filtering and exporting the audit trail for an administrator. */
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditQuerySchema } from '@pcmt/shared/contracts';
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../db/create-db.ts';
import { auditLog, users } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';

type Filters = Omit<z.infer<typeof AuditQuerySchema>, 'page' | 'pageSize'>;

async function where(db: Db, admin: SessionUser, f: Filters): Promise<SQL | undefined> {
  const parts: (SQL | undefined)[] = [
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.username ? eq(auditLog.username, f.username) : undefined,
    f.outcome ? eq(auditLog.outcome, f.outcome) : undefined,
    f.from ? gte(auditLog.at, new Date(`${f.from}T00:00:00+07:00`)) : undefined,
    f.to
      ? lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000))
      : undefined,
  ];
  if (admin.provinceSlug) {
    const mine = await db
      .select({ username: users.username })
      .from(users)
      .where(eq(users.provinceSlug, admin.provinceSlug));
    parts.push(inArray(auditLog.username, mine.map((u) => u.username).concat(admin.username)));
  }
  return and(...parts);
}

export async function queryAudit(db: Db, admin: SessionUser, q: z.infer<typeof AuditQuerySchema>) {
  const w = await where(db, admin, q);
  const [total] = await db.select({ n: count() }).from(auditLog).where(w);
  const rows = await db
    .select()
    .from(auditLog)
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { page: q.page, pageSize: q.pageSize, total: total?.n ?? 0, rows };
}

const cell = (v: unknown) => {
  let s =
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`; // no formulas when opened in Excel
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

type AuditRow = typeof auditLog.$inferSelect;

/** Audit rows as CSV (UTF-8 with a BOM for Excel, CRLF, formula-safe cells). */
export function auditCsvOf(rows: AuditRow[]): string {
  const header = [
    'id',
    'at_utc',
    'username',
    'role',
    'action',
    'object_type',
    'object_id',
    'outcome',
    'client_ip',
    'detail',
    'changes',
  ];
  const lines = rows.map((r) =>
    [
      r.id,
      r.at.toISOString(),
      r.username,
      r.role,
      r.action,
      r.objectType,
      r.objectId,
      r.outcome,
      r.clientIp,
      r.detail,
      r.changes,
    ]
      .map(cell)
      .join(','),
  );
  return '\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n';
}

async function exportRows(db: Db, admin: SessionUser, f: Filters) {
  return db
    .select()
    .from(auditLog)
    .where(await where(db, admin, f))
    .orderBy(desc(auditLog.id))
    .limit(100_000);
}

export async function auditCsv(db: Db, admin: SessionUser, f: Filters): Promise<string> {
  return auditCsvOf(await exportRows(db, admin, f));
}

export const sha256 = (bytes: Uint8Array | string) =>
  createHash('sha256').update(bytes).digest('hex');

/** The file, its `sha256sum -c` line and a manifest: what a checksummed export or archive writes. */
export function checksummed(
  name: string,
  csv: string,
  manifest: Record<string, unknown>,
  manifestName = 'manifest.json',
) {
  const bytes = strToU8(csv);
  const digest = sha256(bytes);
  return {
    bytes,
    digest,
    files: {
      [name]: bytes,
      [`${name}.sha256`]: strToU8(`${digest}  ${name}\n`),
      [manifestName]: strToU8(
        JSON.stringify({ ...manifest, file: name, sha256: digest }, null, 2) + '\n',
      ),
    },
  };
}

/**
 * The export as a zip: the CSV, its SHA-256 in `sha256sum` form and a manifest (when, which filters, how many rows,
 * the first and last id), so the file can be checked wherever it is kept.
 */
export async function auditZip(db: Db, admin: SessionUser, f: Filters, now: Date) {
  const rows = await exportRows(db, admin, f);
  const name = 'nhat-ky-he-thong.csv';
  const { files, digest } = checksummed(name, auditCsvOf(rows), {
    exportedAt: now.toISOString(),
    exportedBy: admin.username,
    filters: f,
    rows: rows.length,
    firstId: rows.at(-1)?.id ?? null,
    lastId: rows[0]?.id ?? null,
  });
  return { zip: zipSync(files, { level: 6 }), digest };
}
