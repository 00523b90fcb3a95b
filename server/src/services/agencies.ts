/** Agencies and units (admin): their province is always the admin's, never set by the client. */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgencyInputSchema, AgencyPatchSchema } from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import { adminUnits, agencies } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { checkRefs } from './references.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';

/**
 * The agencies of the user's provinces, each with the days its unit exists (a district's police end with the
 * district on 01/07/2025, a province's customs office with the province): forms offer those of the day they write.
 */
export async function listAgencies(db: Db, scope: Scope) {
  const rows = await db
    .select({
      agency: agencies,
      validFrom: adminUnits.validFrom,
      validTo: adminUnits.validTo,
    })
    .from(agencies)
    .leftJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .orderBy(asc(agencies.provinceSlug), asc(agencies.name));
  return rows
    .filter((r) => inScope(scope, r.agency.provinceSlug))
    .map((r) => ({ ...r.agency, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null }));
}

export async function createAgency(
  db: Db,
  now: Date,
  scope: Scope,
  input: z.infer<typeof AgencyInputSchema>,
  ip: string | null,
) {
  if (!scope.user.provinceSlug)
    throw new ApiError(
      422,
      'validation_failed',
      'A national administrator creates agencies through a province administrator',
      'provinceSlug',
    );
  await checkRefs(
    db,
    now,
    scope,
    [{ field: 'unitId', kind: 'unit', id: input.unitId }],
    { action: 'agency.create', clientIp: ip },
    scope.user.provinceSlug,
  );
  return auditedInsert(
    db,
    now,
    scope.user,
    agencies,
    {
      id: `agency-${randomUUID()}`,
      ...input,
      provinceSlug: scope.user.provinceSlug!,
      synthetic: false,
    },
    {
      action: 'agency.create',
      objectType: 'agency',
      clientIp: ip,
    },
  );
}

export async function updateAgency(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof AgencyPatchSchema>, 'version'>,
  ip: string | null,
) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!row || !inScope(scope, row.provinceSlug))
    return denyOutOfScope(db, now, scope, `Agency ${id}`, 'id', {
      action: 'agency.update',
      objectType: 'agency',
      objectId: id,
      clientIp: ip,
    });
  await checkRefs(
    db,
    now,
    scope,
    [{ field: 'unitId', kind: 'unit', id: patch.unitId }],
    { action: 'agency.update', clientIp: ip },
    row.provinceSlug,
  );
  return auditedUpdate(db, now, scope.user, agencies, id, version, patch, {
    action: 'agency.update',
    objectType: 'agency',
    clientIp: ip,
  });
}
