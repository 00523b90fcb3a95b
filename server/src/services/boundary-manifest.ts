/**
 * Imports a province's own boundaries from a list of files, in order, each written in its own transaction by
 * `importBoundaries` as the administrator's screen does: the command line (`cli/boundaries.ts`) and the first
 * start on real boundaries (`BOUNDARIES=` in main.ts) use it. A refused file stops the list with its problems.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  BoundaryImportQuerySchema,
  BoundaryManifestSchema,
  type BoundaryReport,
} from '@pcmt/shared/boundaries';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import { auditLog } from '../db/schema.ts';
import { audit } from './audit.ts';
import { ApiError, FileIssuesError } from '../errors.ts';
import { replaceCrosswalk } from './boundary-crosswalk.ts';
import { importBoundaries } from './boundary-import.ts';

/** No account: the audit row names the command line. */
const CLI_USER = {
  id: '',
  username: 'cli',
  role: 'admin' as const,
  provinceSlug: null,
  agencyId: null,
  title: 'Dòng lệnh',
  csrfToken: '',
  tokenHash: '',
  dataVersion: null,
};

export const summary = (r: BoundaryReport) =>
  `${r.file.name} (${r.crs.label}): ${r.units.matched} matched, ${r.units.added} added, ${r.units.retired.length} retired, ` +
  `${r.crosswalk.links} crosswalk links, ${r.moved.hotspots} hotspots placed, ${r.issues.filter((i) => i.outcome === 'refused').length} features left out`;

function explained(file: string, e: unknown): unknown {
  if (e instanceof FileIssuesError)
    return new Error(
      `${file}: ${e.message}\n${e.issues.map((i) => `  ${i.sheet} ${i.row ?? '—'} ${i.column ?? '—'}: ${i.problem}`).join('\n')}`,
    );
  if (e instanceof ApiError) return new Error(`${file}: ${e.message}`);
  return e;
}

export async function applyBoundaryManifest(
  db: Db,
  path: string,
  opts: { now: Date; commit: boolean; log: (line: string) => void },
): Promise<BoundaryReport[]> {
  const list = BoundaryManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const reports: BoundaryReport[] = [];
  for (const entry of list) {
    if ('crosswalkCsv' in entry) {
      const csv: string = entry.crosswalkCsv;
      const bytes = new Uint8Array(readFileSync(resolve(dirname(path), csv)));
      try {
        const r = await replaceCrosswalk(
          { db, now: opts.now, scope: { user: CLI_USER, slugs: null }, ip: null },
          csv,
          bytes,
          { province: entry.province, validFrom: entry.validFrom, commit: opts.commit },
        );
        opts.log(
          `${entry.province} crosswalk from ${entry.validFrom}: ${r.links} links${r.unlinked.length ? `, ${r.unlinked.length} units reached by none (${r.unlinked.slice(0, 5).join(', ')}…)` : ''}`,
        );
      } catch (e) {
        throw explained(csv, e);
      }
      continue;
    }
    if (!('file' in entry)) continue;
    const { file, ...rest } = entry;
    const q = BoundaryImportQuerySchema.parse({ ...rest, commit: opts.commit ? '1' : '0' });
    const bytes = new Uint8Array(readFileSync(resolve(dirname(path), file)));
    try {
      const r = await importBoundaries(
        { db, now: opts.now, scope: { user: CLI_USER, slugs: null }, ip: null },
        bytes,
        q,
      );
      opts.log(`${q.province} ${q.level} ${q.mode} ${q.validFrom}: ${summary(r)}`);
      // A preview that could not be written says so as the write would (the writes stop there).
      const refused = r.issues.filter(
        (i) =>
          i.outcome === 'refused' && (q.skip !== '1' || i.row === null || i.sheet !== r.file.name),
      );
      if (refused.length > 0) throw new FileIssuesError(refused);
      reports.push(r);
    } catch (e) {
      throw explained(file, e);
    }
  }
  if (opts.commit)
    await audit(db, opts.now, {
      actor: null,
      username: 'cli',
      action: LIST_DONE,
      objectType: 'boundaries',
      outcome: 'ok',
      detail: resolve(path),
    });
  return reports;
}

const LIST_DONE = 'import boundaries list';

/** Whether the list at this path was written to the end already (its last step leaves an audit row). */
export async function boundaryListApplied(db: Db, path: string): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, LIST_DONE), eq(auditLog.detail, resolve(path))))
    .limit(1);
  return rows.length > 0;
}
