/** Transformation plans and their 8 criteria (planner). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CriterionInputSchema, PlanPatchSchema } from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  criteriaCheckHistory,
  criteriaChecks,
  planTasks,
  recognitionSteps,
  transformationPlans,
} from '../db/schema.ts';
import { audit, diff } from './audit.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { StaleVersionError } from '../errors.ts';
import { auditedUpdate } from './versioned.ts';
import { checkPhaseTargets, phaseTargetRefs } from './plan-writes.ts';
import { checkRefs } from './references.ts';
import { ApiError } from '../errors.ts';

export async function planSlug(db: Db, planId: string) {
  const [row] = await db
    .select({ plan: transformationPlans, unit: adminUnits })
    .from(transformationPlans)
    .innerJoin(adminUnits, eq(transformationPlans.unitId, adminUnits.id))
    .where(eq(transformationPlans.id, planId));
  if (!row) return null;
  const [province] = await db
    .select({ slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.id, row.unit.provinceId ?? ''));
  return { plan: row.plan, slug: province?.slug ?? null };
}

export async function listPlans(db: Db, scope: Scope, campaignId?: string) {
  const plans = await db
    .select()
    .from(transformationPlans)
    .where(campaignId ? eq(transformationPlans.campaignId, campaignId) : undefined)
    .orderBy(asc(transformationPlans.id));
  const units = plans.length
    ? await db
        .select({
          id: adminUnits.id,
          name: adminUnits.name,
          level: adminUnits.level,
          parentId: adminUnits.parentId,
          provinceId: adminUnits.provinceId,
        })
        .from(adminUnits)
        .where(
          inArray(
            adminUnits.id,
            plans.map((p) => p.unitId),
          ),
        )
    : [];
  const provinces = await db
    .select({ id: adminUnits.id, slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.level, 'province'));
  const tasks = plans.length
    ? await db
        .select()
        .from(planTasks)
        .where(
          inArray(
            planTasks.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(planTasks.dueOn))
    : [];
  const checks = plans.length
    ? await db
        .select()
        .from(criteriaChecks)
        .where(
          inArray(
            criteriaChecks.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(criteriaChecks.criterion))
    : [];
  const steps = plans.length
    ? await db
        .select()
        .from(recognitionSteps)
        .where(
          inArray(
            recognitionSteps.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(recognitionSteps.seq))
    : [];
  return plans
    .map((p) => {
      const unit = units.find((u) => u.id === p.unitId);
      const slug = provinces.find((x) => x.id === unit?.provinceId)?.slug ?? null;
      return {
        ...p,
        unitName: unit?.name ?? '',
        unitLevel: unit?.level ?? 'commune',
        /** A village's recorded commune (its commune on a date follows the crosswalk). */
        unitParentId: unit?.parentId ?? null,
        provinceSlug: slug,
        criteria: checks.filter((c) => c.planId === p.id),
        tasks: tasks.filter((x) => x.planId === p.id),
        steps: steps.filter((x) => x.planId === p.id),
      };
    })
    .filter((p) => inScope(scope, p.provinceSlug));
}

export async function updatePlan(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof PlanPatchSchema>, 'version'>,
  ip: string | null,
) {
  const found = await planSlug(db, id);
  if (!found || !inScope(scope, found.slug))
    return denyOutOfScope(db, now, scope, `Plan ${id}`, 'id', {
      action: 'plan.update',
      objectType: 'plan',
      objectId: id,
      clientIp: ip,
    });
  if (patch.phaseTargets) {
    await checkRefs(
      db,
      now,
      scope,
      phaseTargetRefs(patch.phaseTargets),
      { action: 'plan.update', clientIp: ip },
      found.slug,
    );
    await checkPhaseTargets(db, found.plan.campaignId, patch.phaseTargets);
  }
  return auditedUpdate(db, now, scope.user, transformationPlans, id, version, patch, {
    action: 'plan.update',
    objectType: 'plan',
    clientIp: ip,
  });
}

export async function setCriterion(
  db: Db,
  now: Date,
  scope: Scope,
  planId: string,
  criterion: number,
  input: z.infer<typeof CriterionInputSchema>,
  ip: string | null,
) {
  const found = await planSlug(db, planId);
  if (!found || !inScope(scope, found.slug))
    return denyOutOfScope(db, now, scope, `Plan ${planId}`, 'id', {
      action: 'criterion.set',
      objectType: 'plan',
      objectId: planId,
      clientIp: ip,
    });
  const { version, ...values } = input;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(criteriaChecks)
      .where(and(eq(criteriaChecks.planId, planId), eq(criteriaChecks.criterion, criterion)))
      .for('update');
    let after;
    if (before) {
      if (version === undefined)
        throw new ApiError(
          428,
          'precondition_required',
          'Send the version you edited (If-Match header or version field)',
          'version',
        );
      if (version !== before.version) throw new StaleVersionError(before);
      [after] = await tx
        .update(criteriaChecks)
        .set({ ...values, version: before.version + 1, updatedAt: now })
        .where(and(eq(criteriaChecks.id, before.id), eq(criteriaChecks.version, before.version)))
        .returning();
      if (!after) throw new StaleVersionError(before);
    } else {
      [after] = await tx
        .insert(criteriaChecks)
        .values({ planId, criterion, ...values })
        .returning();
    }
    // The history keeps every check (criteria_checks holds the latest): who recorded it, in which role and unit.
    await tx.insert(criteriaCheckHistory).values({
      planId,
      criterion,
      met: after!.met,
      checkedOn: after!.checkedOn,
      note: after!.note,
      recordedRole: scope.user.role,
      recordedAgencyId: scope.user.agencyId,
    });
    await audit(tx, now, {
      actor: scope.user,
      action: 'criterion.set',
      objectType: 'criteria_check',
      objectId: `${planId}#${criterion}`,
      changes: diff(before ?? null, after!),
      outcome: 'ok',
      clientIp: ip,
    });
    return after!;
  });
}
