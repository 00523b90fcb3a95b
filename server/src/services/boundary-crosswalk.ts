/**
 * The crosswalk of a reform replaced from a CSV (old code, new code, share; one row per link, a missing share
 * splitting the old unit equally): the links from the old era into the province's units of the era beginning
 * on `validFrom` are deleted and the CSV's written, in one transaction (links from units a boundary import
 * retired in the new era stay). Old codes are those of the communes valid the day
 * before (any province: a merged province's old units came from several). Rows for other provinces' new units
 * (a national mapping file) are passed over. Used by the boundary list (`boundary-manifest.ts`) after the
 * communes of both eras are in, when the old links no longer lead from the units now held.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BoundaryIssue } from '@pcmt/shared/boundaries';
import { addDays } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { adminUnits, unitCrosswalk } from '../db/schema.ts';
import { FileIssuesError } from '../errors.ts';
import { audit } from './audit.ts';
import { readCsv } from './boundary-files.ts';
import { crosswalkFromCsv, insertLinks, isCrosswalk } from './boundary-import.ts';
import type { WriteCtx } from './figures.ts';
import { communeRowsOn, provinceOn, validOn } from './units.ts';

export async function replaceCrosswalk(
  ctx: WriteCtx,
  name: string,
  bytes: Uint8Array,
  q: { province: string; validFrom: string; commit: boolean },
): Promise<{ links: number; unlinked: string[]; issues: BoundaryIssue[] }> {
  const { db } = ctx;
  const table = readCsv(name, bytes);
  if (!isCrosswalk(table))
    throw new FileIssuesError([
      {
        sheet: name,
        row: 1,
        column: null,
        code: 'crosswalk_columns',
        problem: 'the CSV needs an old code and a new code column (old_code, new_code)',
      },
    ]);
  const province = await provinceOn(db, q.province, q.validFrom);
  const news = await communeRowsOn(db, province.id, q.validFrom);
  const olds = await db
    .select()
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.validTo, q.validFrom),
        validOn(addDays(q.validFrom, -1)),
      ),
    );
  const issues: BoundaryIssue[] = [];
  const widths = new Set(news.map((u) => u.code.length));
  const width = widths.size === 1 ? [...widths][0]! : null;
  const newCodes = new Set(news.map((u) => u.code));
  // A national file names every province's units: rows into other provinces' are passed over.
  const links = crosswalkFromCsv(
    table,
    new Map(olds.map((u) => [u.code, u])),
    newCodes,
    issues,
    width,
    'note',
  );
  const refused = issues.filter((i) => i.outcome === 'refused');
  if (refused.length > 0) throw new FileIssuesError(refused);
  const newId = new Map(news.map((u) => [u.code, u.id]));
  const reached = new Set(links.map((l) => l.toCode));
  const unlinked = news.filter((u) => !reached.has(u.code)).map((u) => `${u.name} (${u.code})`);
  if (q.commit)
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const ids = news.map((u) => u.id);
      if (ids.length > 0)
        await t.delete(unitCrosswalk).where(
          and(
            inArray(unitCrosswalk.toUnitId, ids),
            eq(unitCrosswalk.effectiveOn, q.validFrom),
            // The reform's links (from the old era), not those from units a boundary import retired in this one.
            sql`${unitCrosswalk.fromUnitId} in (select id from admin_units where valid_from < ${q.validFrom})`,
          ),
        );
      await insertLinks(t, links, newId, q.validFrom);
      await audit(t, ctx.now, {
        actor: ctx.scope.user.id ? ctx.scope.user : null,
        username: ctx.scope.user.username,
        action: 'import crosswalk',
        objectType: 'province',
        objectId: province.id,
        outcome: 'ok',
        clientIp: ctx.ip,
        detail: `${name}: ${links.length} links into ${news.length} units from ${q.validFrom}`,
      });
    });
  return { links: links.length, unlinked, issues };
}
