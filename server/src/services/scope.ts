/** What a user may see: their province, with the pre-2025 provinces merged into it. */
import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import { adminUnits, unitCrosswalk } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { AuditEntry } from './audit.ts';
import { audit } from './audit.ts';
import { ApiError } from '../errors.ts';

export interface Scope {
  user: SessionUser;
  /** Province slugs in scope; null = every province (a national administrator). */
  slugs: Set<string> | null;
}

export async function provinceScope(db: Db, user: SessionUser): Promise<Scope> {
  if (!user.provinceSlug) return { user, slugs: null };
  const own = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(eq(adminUnits.slug, user.provinceSlug));
  const ids = own.map((r) => r.id);
  const links = ids.length
    ? await db
        .select()
        .from(unitCrosswalk)
        .where(or(inArray(unitCrosswalk.toUnitId, ids), inArray(unitCrosswalk.fromUnitId, ids)))
    : [];
  const related = [...new Set(links.flatMap((l) => [l.fromUnitId, l.toUnitId]))];
  const rows = related.length
    ? await db
        .select({ slug: adminUnits.slug })
        .from(adminUnits)
        .where(inArray(adminUnits.id, related))
    : [];
  return {
    user,
    slugs: new Set([user.provinceSlug, ...rows.map((r) => r.slug).filter((s): s is string => !!s)]),
  };
}

export const inScope = (scope: Scope, slug: string | null | undefined) =>
  scope.slugs === null || (!!slug && scope.slugs.has(slug));

/** 404 (not 403: another province's objects do not exist for this user), audited as a denial. */
export async function denyOutOfScope(
  db: Db,
  now: Date,
  scope: Scope,
  what: string,
  field: string,
  entry: Partial<AuditEntry> = {},
): Promise<never> {
  await audit(db, now, {
    actor: scope.user,
    action: entry.action ?? 'read',
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: 'denied',
    detail: `${what} outside the user's province`,
    clientIp: entry.clientIp,
  });
  throw new ApiError(404, 'not_found', `${what} not found`, field);
}

/** The province a read is about: the one asked for (404 outside the user's scope) or the user's own. */
export async function provinceForRead(
  db: Db,
  now: Date,
  user: SessionUser,
  asked: string | undefined,
): Promise<string | undefined> {
  const scope = await provinceScope(db, user);
  const province = asked ?? user.provinceSlug ?? undefined;
  if (province && !inScope(scope, province)) {
    await denyOutOfScope(db, now, scope, `Province ${province}`, 'province', {
      objectType: 'province',
      objectId: province,
    });
  }
  return province;
}
