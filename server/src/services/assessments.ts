/** Tier assessments (commander) and quota progress, each written with its audit row in one transaction. */
import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssessmentInputSchema, ProgressInputSchema } from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import { auditedInsert } from './versioned.ts';
import {
  adminUnits,
  agencies,
  campaigns,
  progressEntries,
  quotas,
  tierAssessments,
} from '../db/schema.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { ApiError } from '../errors.ts';

async function unitProvinceSlug(db: Db, unitId: string) {
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
  if (!unit) return null;
  if (unit.level === 'province') return { unit, slug: unit.slug };
  const [province] = await db
    .select({ slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.id, unit.provinceId ?? ''));
  return { unit, slug: province?.slug ?? null };
}

export async function createAssessment(
  db: Db,
  now: Date,
  scope: Scope,
  input: z.infer<typeof AssessmentInputSchema>,
  ip: string | null,
) {
  const found = await unitProvinceSlug(db, input.unitId);
  if (!found || !inScope(scope, found.slug))
    return denyOutOfScope(db, now, scope, `Unit ${input.unitId}`, 'unitId', {
      action: 'assessment.create',
      objectType: 'unit',
      objectId: input.unitId,
      clientIp: ip,
    });
  // A village's tier is its transformation's result (complex, less complex, drug-free), recorded the same way.
  if (found.unit.level !== 'commune' && found.unit.level !== 'village')
    throw new ApiError(
      422,
      'validation_failed',
      'unitId: tiers are assessed for communes and villages',
      'unitId',
    );
  if (
    input.assessedOn < found.unit.validFrom ||
    (found.unit.validTo && input.assessedOn >= found.unit.validTo)
  ) {
    throw new ApiError(
      422,
      'validation_failed',
      `assessedOn: the unit exists from ${found.unit.validFrom} to ${found.unit.validTo ?? 'now'}`,
      'assessedOn',
    );
  }
  const [decider] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(eq(agencies.kind, 'steering_committee'), eq(agencies.provinceSlug, found.slug ?? '')),
    );
  // A second assessment of the same day is a correction: it takes the next seq and supersedes the first
  // (shared/src/state/tiers.ts). Locking the unit's row serialises the assessments of one unit, so the
  // seq is read and written in one step; the unique (unit, day, seq) index is the database's guarantee.
  return db.transaction(async (tx) => {
    await tx
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(eq(adminUnits.id, input.unitId))
      .for('update');
    const [last] = await tx
      .select({ seq: max(tierAssessments.seq) })
      .from(tierAssessments)
      .where(
        and(
          eq(tierAssessments.unitId, input.unitId),
          eq(tierAssessments.assessedOn, input.assessedOn),
        ),
      );
    const seq = last?.seq === null || last?.seq === undefined ? 0 : last.seq + 1;
    return auditedInsert(
      tx as unknown as Db,
      now,
      scope.user,
      tierAssessments,
      { id: randomUUID(), ...input, seq, decidedBy: decider?.id ?? null },
      { action: 'assessment.create', objectType: 'tier_assessment', clientIp: ip },
    );
  });
}

export async function addProgress(
  db: Db,
  now: Date,
  scope: Scope,
  quotaId: string,
  input: z.infer<typeof ProgressInputSchema>,
  ip: string | null,
) {
  const [row] = await db
    .select({ q: quotas, c: campaigns })
    .from(quotas)
    .innerJoin(campaigns, eq(quotas.campaignId, campaigns.id))
    .where(eq(quotas.id, quotaId));
  if (!row || !inScope(scope, row.c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Quota ${quotaId}`, 'id', {
      action: 'progress.create',
      objectType: 'quota',
      objectId: quotaId,
      clientIp: ip,
    });
  if (input.recordedOn < row.c.startsOn || input.recordedOn > row.c.endsOn) {
    throw new ApiError(
      422,
      'validation_failed',
      `recordedOn: must fall within the campaign (${row.c.startsOn} – ${row.c.endsOn})`,
      'recordedOn',
    );
  }
  // Each entry is its own row: parallel requests add up exactly, none overwrites another.
  return auditedInsert(
    db,
    now,
    scope.user,
    progressEntries,
    { id: randomUUID(), quotaId, ...input },
    {
      action: 'progress.create',
      objectType: 'progress_entry',
      clientIp: ip,
    },
  );
}
