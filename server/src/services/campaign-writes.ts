/**
 * A commander authors a campaign: the campaign with its phases, quotas and deadlines in one transaction,
 * edits of each (version-checked), and a copy of a past campaign with every date moved. All audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CampaignCopySchema,
  CampaignInput,
  CampaignPatchSchema,
  DeadlineInputSchema,
  DeadlinePatchSchema,
  PhaseInputSchema,
  PhasePatchSchema,
  QuotaInputSchema,
  QuotaPatchSchema,
} from '@pcmt/shared/campaign-contracts';
import type { Db } from '../db/create-db.ts';
import { adminUnits, agencies, campaigns, phases, quotas, reportDeadlines } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';
import { relatedProvinceIds } from './units.ts';

type Ctx = { db: Db; now: Date; scope: Scope; ip: string | null };
const invalid = (field: string, message: string) =>
  new ApiError(422, 'validation_failed', `${field}: ${message}`, field);
const what = (ctx: Ctx, action: string, objectType: string) => ({
  action,
  objectType,
  clientIp: ctx.ip,
});

/** The campaign if the user's scope covers it; otherwise an audited 404 naming `field`. */
async function campaignInScope(ctx: Ctx, id: string, action: string, field = 'id') {
  const [c] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c || !inScope(ctx.scope, c.provinceSlug))
    return denyOutOfScope(ctx.db, ctx.now, ctx.scope, `Campaign ${id}`, field, {
      action,
      objectType: 'campaign',
      objectId: id,
      clientIp: ctx.ip,
    });
  return c;
}

/** Agencies and units a quota names must be of the campaign's province (404 naming the field otherwise). */
async function checkHolders(
  ctx: Ctx,
  slug: string,
  list: { agencyId: string | null; unitId: string | null }[],
  prefix: (i: number) => string,
) {
  const agencyIds = [...new Set(list.map((q) => q.agencyId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(list.map((q) => q.unitId).filter((x): x is string => !!x))];
  const okAgencies = new Set(
    agencyIds.length
      ? (
          await ctx.db
            .select({ id: agencies.id })
            .from(agencies)
            .where(and(inArray(agencies.id, agencyIds), eq(agencies.provinceSlug, slug)))
        ).map((a) => a.id)
      : [],
  );
  const provinces = await ctx.db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.slug, slug)));
  const provinceIds = (
    await Promise.all(provinces.map((p) => relatedProvinceIds(ctx.db, p.id)))
  ).flat();
  const okUnits = new Set(
    unitIds.length && provinceIds.length
      ? (
          await ctx.db
            .select({ id: adminUnits.id })
            .from(adminUnits)
            .where(
              and(inArray(adminUnits.id, unitIds), inArray(adminUnits.provinceId, provinceIds)),
            )
        ).map((u) => u.id)
      : [],
  );
  list.forEach((q, i) => {
    if (q.agencyId && !okAgencies.has(q.agencyId))
      throw new ApiError(
        404,
        'not_found',
        `${prefix(i)}agencyId: agency ${q.agencyId} not found`,
        `${prefix(i)}agencyId`,
      );
    if (q.unitId && !okUnits.has(q.unitId))
      throw new ApiError(
        404,
        'not_found',
        `${prefix(i)}unitId: unit ${q.unitId} not found`,
        `${prefix(i)}unitId`,
      );
  });
}

export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  const slug = ctx.scope.user.provinceSlug;
  if (!slug)
    throw invalid('provinceSlug', 'a campaign belongs to a province: sign in as its commander');
  await checkHolders(ctx, slug, input.quotas, (i) => `quotas.${i}.`);
  const id = `cmp-${randomUUID()}`;
  const { phases: ps, quotas: qs, deadlines: ds, ...fields } = input;
  const phaseIds = ps.map((_, i) => `${id}-p${i + 1}`);
  return ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const created = await auditedInsert(
      t,
      ctx.now,
      ctx.scope.user,
      campaigns,
      { id, provinceSlug: slug, sourceSeed: null, ...fields },
      what(ctx, 'campaign.create', 'campaign'),
    );
    for (const [i, p] of ps.entries())
      await auditedInsert(
        t,
        ctx.now,
        ctx.scope.user,
        phases,
        { id: phaseIds[i]!, campaignId: id, ordinal: i + 1, ...p },
        what(ctx, 'phase.create', 'phase'),
      );
    for (const [i, { phase, ...q }] of qs.entries())
      await auditedInsert(
        t,
        ctx.now,
        ctx.scope.user,
        quotas,
        {
          id: `${id}-q${i + 1}`,
          campaignId: id,
          phaseId: phase === null ? null : phaseIds[phase]!,
          ...q,
        },
        what(ctx, 'quota.create', 'quota'),
      );
    for (const [i, { phase, ...d }] of ds.entries())
      await auditedInsert(
        t,
        ctx.now,
        ctx.scope.user,
        reportDeadlines,
        {
          id: `${id}-d${i + 1}`,
          campaignId: id,
          phaseId: phase === null ? null : phaseIds[phase]!,
          submittedOn: null,
          ...d,
        },
        what(ctx, 'deadline.create', 'report_deadline'),
      );
    return created;
  });
}

/** Edits the campaign's fields; new dates must still hold every phase. */
export async function updateCampaign(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof CampaignPatchSchema>, 'version'>,
) {
  const c = await campaignInScope(ctx, id, 'campaign.update');
  const startsOn = patch.startsOn ?? c.startsOn;
  const endsOn = patch.endsOn ?? c.endsOn;
  if (startsOn > endsOn) throw invalid('endsOn', 'must not be before startsOn');
  const ps = await ctx.db.select().from(phases).where(eq(phases.campaignId, id));
  for (const p of ps)
    if (p.startsOn < startsOn || p.endsOn > endsOn)
      throw invalid(
        patch.startsOn && p.startsOn < startsOn ? 'startsOn' : 'endsOn',
        `phase "${p.name}" (${p.startsOn} – ${p.endsOn}) would fall outside the campaign`,
      );
  return auditedUpdate(
    ctx.db,
    ctx.now,
    ctx.scope.user,
    campaigns,
    id,
    version,
    patch,
    what(ctx, 'campaign.update', 'campaign'),
  );
}

async function phaseInScope(ctx: Ctx, id: string, action: string) {
  const [p] = await ctx.db.select().from(phases).where(eq(phases.id, id));
  const c = await campaignInScope(ctx, p?.campaignId ?? id, action);
  if (!p) throw new ApiError(404, 'not_found', `Phase ${id} not found`, 'id');
  return { p, c };
}

const inside = (
  c: { startsOn: string; endsOn: string },
  p: { startsOn: string; endsOn: string },
) => {
  if (p.startsOn > p.endsOn) throw invalid('endsOn', 'must not be before startsOn');
  if (p.startsOn < c.startsOn || p.startsOn > c.endsOn)
    throw invalid('startsOn', `must lie inside the campaign (${c.startsOn} – ${c.endsOn})`);
  if (p.endsOn > c.endsOn) throw invalid('endsOn', `must lie inside the campaign (to ${c.endsOn})`);
};

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

/** A phase id named by a quota or deadline must be a phase of the same campaign. */
async function checkPhase(ctx: Ctx, campaignId: string, phaseId: string | null | undefined) {
  if (!phaseId) return;
  const [p] = await ctx.db
    .select({ campaignId: phases.campaignId })
    .from(phases)
    .where(eq(phases.id, phaseId));
  if (!p || p.campaignId !== campaignId)
    throw new ApiError(
      404,
      'not_found',
      `phaseId: phase ${phaseId} not found in this campaign`,
      'phaseId',
    );
}

export async function addQuota(
  ctx: Ctx,
  campaignId: string,
  input: z.infer<typeof QuotaInputSchema>,
) {
  const c = await campaignInScope(ctx, campaignId, 'quota.create');
  await checkPhase(ctx, campaignId, input.phaseId);
  await checkHolders(ctx, c.provinceSlug, [input], () => '');
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

const shift = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** A new campaign from a past one: the same phases, objectives, quotas (no progress) and deadlines, moved in time. */
export async function copyCampaign(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof CampaignCopySchema>,
) {
  const c = await campaignInScope(ctx, id, 'campaign.copy');
  const days = Math.round((Date.parse(input.startsOn) - Date.parse(c.startsOn)) / 86_400_000);
  const ps = await ctx.db
    .select()
    .from(phases)
    .where(eq(phases.campaignId, id))
    .orderBy(phases.ordinal);
  const qs = await ctx.db.select().from(quotas).where(eq(quotas.campaignId, id));
  const ds = await ctx.db.select().from(reportDeadlines).where(eq(reportDeadlines.campaignId, id));
  const index = (phaseId: string | null) => (phaseId ? ps.findIndex((p) => p.id === phaseId) : -1);
  return createCampaign(ctx, {
    name: input.name,
    nameEn: '',
    documentNumber: input.documentNumber,
    issuingBody: c.issuingBody,
    issuedOn: null,
    startsOn: input.startsOn,
    endsOn: shift(c.endsOn, days),
    ageLimitsMonths: c.ageLimitsMonths,
    phases: ps.map((p) => ({
      name: p.name,
      nameEn: p.nameEn,
      startsOn: shift(p.startsOn, days),
      endsOn: shift(p.endsOn, days),
      objectives: p.objectives,
    })),
    quotas: qs.map((q) => ({
      phase: index(q.phaseId) < 0 ? null : index(q.phaseId),
      agencyId: q.agencyId,
      unitId: q.unitId,
      metric: q.metric as never,
      unit: q.unit as never,
      target: q.target,
      label: q.label,
    })),
    deadlines: ds.map((d) => ({
      phase: index(d.phaseId) < 0 ? null : index(d.phaseId),
      kind: d.kind as never,
      dueOn: shift(d.dueOn, days),
      title: d.title,
    })),
  });
}
