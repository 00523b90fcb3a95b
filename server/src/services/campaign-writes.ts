/**
 * A commander authors a campaign: the campaign with its phases, quotas and deadlines in one transaction,
 * an edit of its own fields (version-checked), and a copy of a past campaign with every date moved. All
 * audited. Phases, quotas and deadlines one by one: campaign-parts.ts.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CampaignCopySchema,
  CampaignInput,
  CampaignPatchSchema,
} from '@pcmt/shared/campaign-contracts';
import { existsDuring } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { adminUnits, campaigns, phases, quotas, reportDeadlines } from '../db/schema.ts';
import { campaignInScope, checkHolders, invalid, what, type Ctx } from './campaign-scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';

export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  const slug = ctx.scope.user.provinceSlug;
  if (!slug)
    throw invalid('provinceSlug', 'a campaign belongs to a province: sign in as its commander');
  await checkHolders(ctx, slug, input.quotas, (i) => `quotas.${i}.`, input);
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
  const all = await ctx.db.select().from(quotas).where(eq(quotas.campaignId, id));
  const span = { startsOn: input.startsOn, endsOn: shift(c.endsOn, days) };
  // A quota of a unit that no longer exists in the new span (a district abolished in July 2025) is not
  // copied: the answer lists it, so the commander gives it to an agency or a commune instead.
  const holders = await ctx.db
    .select({
      id: adminUnits.id,
      name: adminUnits.name,
      validFrom: adminUnits.validFrom,
      validTo: adminUnits.validTo,
    })
    .from(adminUnits)
    .where(
      inArray(
        adminUnits.id,
        all
          .map((q) => q.unitId)
          .filter((x): x is string => !!x)
          .concat(''),
      ),
    );
  const holder = new Map(holders.map((h) => [h.id, h]));
  const gone = (q: (typeof all)[number]) =>
    !!q.unitId &&
    !existsDuring(holder.get(q.unitId) ?? { validFrom: '9999-12-31', validTo: null }, span);
  const qs = all.filter((q) => !gone(q));
  const ds = await ctx.db.select().from(reportDeadlines).where(eq(reportDeadlines.campaignId, id));
  const index = (phaseId: string | null) => (phaseId ? ps.findIndex((p) => p.id === phaseId) : -1);
  const created = await createCampaign(ctx, {
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
  const skippedQuotas = all.filter(gone).map((q) => {
    const h = holder.get(q.unitId!);
    return {
      label: q.label,
      unitId: q.unitId!,
      unitName: h?.name ?? q.unitId!,
      validTo: h?.validTo ?? null,
    };
  });
  return { ...created, skippedQuotas };
}
