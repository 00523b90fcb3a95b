/** Planner writes: new transformation plans and their tasks, each audited in its transaction. */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { PhaseTarget } from '@pcmt/shared/domain';
import { phaseTargetsProblem } from '@pcmt/shared/state/phase-targets';
import type { z } from 'zod';
import type { PlanInputSchema, TaskInputSchema, TaskPatchSchema } from '@pcmt/shared/contracts';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  criteriaCheckHistory,
  criteriaChecks,
  phases,
  planTasks,
  transformationPlans,
} from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { checkRefs } from './references.ts';
import { campaignInScope } from './campaign-scope.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { tiersOn } from './units.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';

/** The province of a commune or village a plan may be made for; null for any other unit. */
async function communeSlug(db: Db, unitId: string) {
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
  if (!unit || (unit.level !== 'commune' && unit.level !== 'village')) return null;
  const [province] = await db
    .select({ slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.id, unit.provinceId ?? ''));
  return province?.slug ?? null;
}

export async function createPlan(
  db: Db,
  now: Date,
  today: string,
  scope: Scope,
  input: z.infer<typeof PlanInputSchema>,
  ip: string | null,
) {
  const slug = await communeSlug(db, input.unitId);
  if (!slug || !inScope(scope, slug))
    return denyOutOfScope(db, now, scope, `Commune ${input.unitId}`, 'unitId', {
      action: 'plan.create',
      objectType: 'unit',
      objectId: input.unitId,
      clientIp: ip,
    });
  await checkRefs(
    db,
    now,
    scope,
    [
      { field: 'campaignId', kind: 'campaign', id: input.campaignId },
      { field: 'targetPhaseId', kind: 'phase', id: input.targetPhaseId },
      ...phaseTargetRefs(input.phaseTargets),
    ],
    { action: 'plan.create', clientIp: ip },
    slug,
  );
  if (input.targetPhaseId) {
    const [phase] = await db
      .select({ campaignId: phases.campaignId })
      .from(phases)
      .where(eq(phases.id, input.targetPhaseId));
    if (phase?.campaignId !== input.campaignId)
      throw new ApiError(
        422,
        'validation_failed',
        'targetPhaseId: must be a phase of the plan’s campaign',
        'targetPhaseId',
      );
  }
  await checkPhaseTargets(db, input.campaignId, input.phaseTargets);
  // One open plan per unit and campaign (the database's index says the same under concurrency).
  const [existing] = await db
    .select({ id: transformationPlans.id })
    .from(transformationPlans)
    .where(
      and(
        eq(transformationPlans.unitId, input.unitId),
        input.campaignId
          ? eq(transformationPlans.campaignId, input.campaignId)
          : isNull(transformationPlans.campaignId),
        ne(transformationPlans.status, 'achieved'),
      ),
    );
  if (existing)
    throw new ApiError(
      409,
      'conflict',
      `unitId: the unit already has open plan ${existing.id} in this campaign`,
      'unitId',
    );
  if (input.targetDate < today)
    throw new ApiError(
      422,
      'validation_failed',
      'targetDate: must not be in the past',
      'targetDate',
    );
  const fromTier =
    (await tiersOn(db, [input.unitId], today)).get(input.unitId)?.tier ?? 'unassessed';
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(transformationPlans)
      .values({
        id: `plan-${randomUUID()}`,
        ...input,
        fromTier,
        responsibleAgencyId: scope.user.agencyId,
        status: 'planned',
      })
      .returning();
    const first = [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({
      planId: plan!.id,
      criterion,
      met: false,
      checkedOn: today,
    }));
    await tx.insert(criteriaChecks).values(first);
    await tx.insert(criteriaCheckHistory).values(
      first.map((c) => ({
        ...c,
        recordedRole: scope.user.role,
        recordedAgencyId: scope.user.agencyId,
      })),
    );
    await audit(tx, now, {
      actor: scope.user,
      action: 'plan.create',
      objectType: 'plan',
      objectId: plan!.id,
      changes: diff(null, plan!),
      outcome: 'ok',
      clientIp: ip,
    });
    return plan!;
  });
}

/** The phases a plan's targets name, as references checked like any other (another province's: an audited 404). */
export const phaseTargetRefs = (targets: readonly PhaseTarget[] = []) =>
  targets.map((t, i) => ({
    field: `phaseTargets.${i}.phaseId`,
    kind: 'phase' as const,
    id: t.phaseId,
  }));

/**
 * Phase targets name phases of the plan's campaign, each once, never aiming worse than an earlier phase: else a
 * 422 naming `phaseTargets.<i>`.
 */
export async function checkPhaseTargets(
  db: Db,
  campaignId: string | null,
  targets: readonly PhaseTarget[],
) {
  if (targets.length === 0) return;
  if (!campaignId)
    throw new ApiError(
      422,
      'validation_failed',
      'phaseTargets: a plan outside a campaign has no phases',
      'phaseTargets',
    );
  const own = await db.select().from(phases).where(eq(phases.campaignId, campaignId));
  const problem = phaseTargetsProblem(targets, own);
  if (problem)
    throw new ApiError(
      422,
      'validation_failed',
      `phaseTargets.${problem.index}: ${problem.message}`,
      `phaseTargets.${problem.index}`,
    );
}

/** The plan, if the user's province holds it; otherwise an audited 404 naming the field. */
export async function planInScope(
  db: Db,
  now: Date,
  scope: Scope,
  planId: string,
  action: string,
  ip: string | null,
) {
  const [plan] = await db
    .select()
    .from(transformationPlans)
    .where(eq(transformationPlans.id, planId));
  const slug = plan ? await communeSlug(db, plan.unitId) : null;
  if (!plan || !inScope(scope, slug))
    return denyOutOfScope(db, now, scope, `Plan ${planId}`, 'id', {
      action,
      objectType: 'plan',
      objectId: planId,
      clientIp: ip,
    });
  return { plan, slug: slug! };
}

/** A task's lead and co-ordinating agencies, as references of the plan's province. */
const agencyRefs = (lead: string | null | undefined, co: string[] = []) => [
  { field: 'leadAgencyId', kind: 'agency' as const, id: lead },
  ...co.map((id, i) => ({ field: `coAgencyIds.${i}`, kind: 'agency' as const, id })),
];

/** A task's owner in the user's province: its plan's, or its campaign's (a programme's own task table). */
async function ownerSlug(
  db: Db,
  now: Date,
  scope: Scope,
  owner: { planId: string | null; campaignId: string | null },
  action: string,
  ip: string | null,
): Promise<string> {
  if (owner.planId) return (await planInScope(db, now, scope, owner.planId, action, ip)).slug;
  const c = await campaignInScope({ db, now, scope, ip }, owner.campaignId ?? '', action);
  return c.provinceSlug;
}

/** A task of a unit's plan, or of a campaign's programme itself (Thanh Hóa 2023's "4 rõ" table). */
export async function addTask(
  db: Db,
  now: Date,
  scope: Scope,
  owner: { planId: string; campaignId?: undefined } | { planId?: undefined; campaignId: string },
  input: z.infer<typeof TaskInputSchema>,
  ip: string | null,
) {
  const own = { planId: owner.planId ?? null, campaignId: owner.campaignId ?? null };
  const slug = await ownerSlug(db, now, scope, own, 'task.create', ip);
  await checkRefs(
    db,
    now,
    scope,
    agencyRefs(input.leadAgencyId, input.coAgencyIds),
    { action: 'task.create', clientIp: ip },
    slug,
  );
  return auditedInsert(
    db,
    now,
    scope.user,
    planTasks,
    { id: `task-${randomUUID()}`, ...own, ...input },
    { action: 'task.create', objectType: 'plan_task', clientIp: ip },
  );
}

export async function updateTask(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof TaskPatchSchema>, 'version'>,
  ip: string | null,
) {
  const [task] = await db.select().from(planTasks).where(eq(planTasks.id, id));
  if (!task)
    return denyOutOfScope(db, now, scope, `Task ${id}`, 'id', {
      action: 'task.update',
      objectType: 'plan_task',
      objectId: id,
      clientIp: ip,
    });
  const slug = await ownerSlug(db, now, scope, task, 'task.update', ip);
  await checkRefs(
    db,
    now,
    scope,
    agencyRefs(patch.leadAgencyId, patch.coAgencyIds),
    { action: 'task.update', clientIp: ip },
    slug,
  );
  // The day a task is done is kept, so that a view of an earlier date shows it still open.
  const doneOn =
    patch.status === undefined ? {} : { doneOn: patch.status === 'done' ? vietnamDay(now) : null };
  return auditedUpdate(
    db,
    now,
    scope.user,
    planTasks,
    id,
    version,
    { ...patch, ...doneOn },
    {
      action: 'task.update',
      objectType: 'plan_task',
      clientIp: ip,
    },
  );
}
