/** A campaign's phases, quotas and report deadlines, added or edited one by one (version-checked, audited). */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DeadlineInputSchema,
  DeadlinePatchSchema,
  PhaseInputSchema,
  PhasePatchSchema,
  QuotaInputSchema,
  QuotaPatchSchema,
} from '@pcmt/shared/campaign-contracts';
import { phases, quotas, reportDeadlines } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import {
  campaignInScope,
  checkHolders,
  checkPhase,
  inside,
  what,
  type Ctx,
} from './campaign-scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';

async function phaseInScope(ctx: Ctx, id: string, action: string) {
  const [p] = await ctx.db.select().from(phases).where(eq(phases.id, id));
  const c = await campaignInScope(ctx, p?.campaignId ?? id, action);
  if (!p) throw new ApiError(404, 'not_found', `Phase ${id} not found`, 'id');
  return { p, c };
}

export async function addPhase(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof PhaseInputSchema>,
) {
  const c = await campaignInScope(ctx, campaignId, 'phase.create');
  inside(c, input);
  const existing = await ctx.db
    .select({ ordinal: phases.ordinal })
    .from(phases)
    .where(eq(phases.campaignId, campaignId));
  const ordinal = Math.max(0, ...existing.map((p) => p.ordinal)) + 1;
  return auditedInsert(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    phases,
    { id: `${campaignId}-p${randomUUID().slice(0, 8)}`, campaignId, ordinal, ...input },
    what(ctx, 'phase.create', 'phase'),
  );
}

export async function updatePhase(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof PhasePatchSchema>, 'version'>,
) {
  const { p, c } = await phaseInScope(ctx, id, 'phase.update');
  inside(c, { startsOn: patch.startsOn ?? p.startsOn, endsOn: patch.endsOn ?? p.endsOn });
  return auditedUpdate(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    phases,
    id,
    version,
    patch,
    what(ctx, 'phase.update', 'phase'),
  );
}

export async function addQuota(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof QuotaInputSchema>,
) {
  const c = await campaignInScope(ctx, campaignId, 'quota.create');
  await checkPhase(ctx, campaignId, input.phaseId);
  await checkHolders(ctx, c.provinceSlug, [input], () => '', c);
  return auditedInsert(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    quotas,
    { id: `${campaignId}-q${randomUUID().slice(0, 8)}`, campaignId, ...input },
    what(ctx, 'quota.create', 'quota'),
  );
}

export async function updateQuota(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof QuotaPatchSchema>, 'version'>,
) {
  const [q] = await ctx.db.select().from(quotas).where(eq(quotas.id, id));
  await campaignInScope(ctx, q?.campaignId ?? id, 'quota.update');
  if (!q) throw new ApiError(404, 'not_found', `Quota ${id} not found`, 'id');
  await checkPhase(ctx, q.campaignId, patch.phaseId);
  return auditedUpdate(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    quotas,
    id,
    version,
    patch,
    what(ctx, 'quota.update', 'quota'),
  );
}

export async function addDeadline(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof DeadlineInputSchema>,
) {
  await campaignInScope(ctx, campaignId, 'deadline.create');
  await checkPhase(ctx, campaignId, input.phaseId);
  return auditedInsert(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    reportDeadlines,
    { id: `${campaignId}-d${randomUUID().slice(0, 8)}`, campaignId, submittedOn: null, ...input },
    what(ctx, 'deadline.create', 'report_deadline'),
  );
}

export async function updateDeadline(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof DeadlinePatchSchema>, 'version'>,
) {
  const [d] = await ctx.db.select().from(reportDeadlines).where(eq(reportDeadlines.id, id));
  await campaignInScope(ctx, d?.campaignId ?? id, 'deadline.update');
  if (!d) throw new ApiError(404, 'not_found', `Deadline ${id} not found`, 'id');
  return auditedUpdate(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    reportDeadlines,
    id,
    version,
    patch,
    what(ctx, 'deadline.update', 'report_deadline'),
  );
}
