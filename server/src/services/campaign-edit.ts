/**
 * A saved campaign edited as a whole from the editor, in one transaction: its fields at the version read,
 * each saved phase, quota and deadline at its own version, new rows added. A stale row (412) or a bad
 * reference undoes everything. Phases are never deleted here: every saved phase must be listed.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CampaignEdit } from '@pcmt/shared/campaign-contracts';
import type { Db } from '../db/create-db.ts';
import { campaigns, phases, quotas, reportDeadlines } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { campaignInScope, checkHolders, invalid, what, type Ctx } from './campaign-scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';

type Table = typeof phases | typeof quotas | typeof reportDeadlines;

/** Ids a row names must be rows of this campaign (404 naming the row's field otherwise). */
async function savedIds(ctx: Ctx, table: Table, campaignId: string) {
  const rows = await ctx.db
    .select({ id: table.id })
    .from(table)
    .where(eq(table.campaignId, campaignId));
  return new Set(rows.map((r) => r.id));
}

function checkRows(list: { id?: string; version?: number }[], saved: Set<string>, name: string) {
  list.forEach((r, i) => {
    if (r.id && !saved.has(r.id))
      throw new ApiError(
        404,
        'not_found',
        `${name}.${i}.id: not a row of this campaign`,
        `${name}.${i}.id`,
      );
    if (r.id && r.version === undefined)
      throw new ApiError(
        428,
        'precondition_required',
        `${name}.${i}.version: send the version edited`,
        `${name}.${i}.version`,
      );
  });
}

export async function editCampaign(ctx: Ctx, id: string, input: CampaignEdit) {
  const c = await campaignInScope(ctx, id, 'campaign.update');
  // A saved quota keeps the holder it has (below): that one must still exist in the new dates.
  const stored = new Map(
    (await ctx.db.select().from(quotas).where(eq(quotas.campaignId, id))).map((q) => [q.id, q]),
  );
  const holders = input.quotas.map((q) => {
    const s = q.id ? stored.get(q.id) : undefined;
    return s ? { agencyId: s.agencyId, unitId: s.unitId } : q;
  });
  await checkHolders(ctx, c.provinceSlug, holders, (i) => `quotas.${i}.`, input);
  const [ps, qs, ds] = await Promise.all([
    savedIds(ctx, phases, id),
    savedIds(ctx, quotas, id),
    savedIds(ctx, reportDeadlines, id),
  ]);
  checkRows(input.phases, ps, 'phases');
  checkRows(input.quotas, qs, 'quotas');
  checkRows(input.deadlines, ds, 'deadlines');
  const listed = new Set(input.phases.map((p) => p.id).filter(Boolean));
  for (const saved of ps)
    if (!listed.has(saved))
      throw invalid('phases', `phase ${saved} is missing: every saved phase is listed`);
  const {
    phases: phaseRows,
    quotas: quotaRows,
    deadlines: deadlineRows,
    version,
    ...fields
  } = input;
  return ctx.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const save = async <T extends Table>(
      table: T,
      row: { id?: string; version?: number },
      values: Record<string, unknown>,
      action: string,
      objectType: string,
      newId: () => string,
    ) =>
      row.id
        ? ((await auditedUpdate(
            t,
            ctx.now,
            ctx.scope.user,
            table,
            row.id,
            row.version!,
            values,
            what(ctx, `${action}.update`, objectType),
          )) as { id: string })
        : ((await auditedInsert(
            t,
            ctx.now,
            ctx.scope.user,
            table,
            { id: newId(), campaignId: id, ...values } as never,
            what(ctx, `${action}.create`, objectType),
          )) as { id: string });
    const updated = await auditedUpdate(
      t,
      ctx.now,
      ctx.scope.user,
      campaigns,
      id,
      version,
      fields,
      what(ctx, 'campaign.update', 'campaign'),
    );
    const phaseIds: string[] = [];
    for (const [i, { id: pid, version: pv, ...p }] of phaseRows.entries()) {
      const row = await save(
        phases,
        { id: pid, version: pv },
        { ...p, ordinal: i + 1 },
        'phase',
        'phase',
        () => `${id}-p${randomUUID().slice(0, 8)}`,
      );
      phaseIds.push(row.id);
    }
    const phaseOf = (n: number | null) => (n === null ? null : phaseIds[n]!);
    for (const { id: qid, version: qv, phase, agencyId, unitId, ...q } of quotaRows)
      // A saved quota keeps its holder (its progress was counted for it); a new one takes the one chosen.
      await save(
        quotas,
        { id: qid, version: qv },
        { ...q, phaseId: phaseOf(phase), ...(qid ? {} : { agencyId, unitId }) },
        'quota',
        'quota',
        () => `${id}-q${randomUUID().slice(0, 8)}`,
      );
    for (const { id: did, version: dv, phase, ...d } of deadlineRows)
      await save(
        reportDeadlines,
        { id: did, version: dv },
        { ...d, phaseId: phaseOf(phase), ...(did ? {} : { submittedOn: null }) },
        'deadline',
        'report_deadline',
        () => `${id}-d${randomUUID().slice(0, 8)}`,
      );
    return updated;
  });
}
