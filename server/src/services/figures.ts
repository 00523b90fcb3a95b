/** Commune figures per period: the province's list (both eras) and one commune's figures saved from the form. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import { FIGURE_FIELDS, type FiguresInputSchema, type FiguresRow } from '@pcmt/shared/figures';
import type { Db } from '../db/create-db.ts';
import { adminUnits, communeFigures } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { storedFor } from './figures-template.ts';
import { provinceIdsOf } from './units.ts';
import { expectedVersion, updateVersioned } from './versioned.ts';

export interface WriteCtx {
  db: Db;
  now: Date;
  scope: Scope;
  ip: string | null;
}

export const toFiguresRow = (r: typeof communeFigures.$inferSelect): FiguresRow => {
  const out: FiguresRow = {
    id: r.id,
    unitId: r.unitId,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    recordedOn: r.recordedOn,
    version: r.version,
  };
  for (const { key } of FIGURE_FIELDS) (out as unknown as Record<string, unknown>)[key] = r[key];
  return out;
};

/** Every period's figures of the communes of a province, in both eras, oldest period first. */
export async function listFigures(db: Db, slug: string, unitId?: string): Promise<FiguresRow[]> {
  const ids = await provinceIdsOf(db, slug);
  const rows = await db
    .select({ f: communeFigures })
    .from(communeFigures)
    .innerJoin(adminUnits, eq(communeFigures.unitId, adminUnits.id))
    .where(
      and(
        inArray(adminUnits.provinceId, ids),
        unitId ? eq(communeFigures.unitId, unitId) : undefined,
      ),
    )
    .orderBy(
      asc(communeFigures.unitId),
      asc(communeFigures.periodFrom),
      asc(communeFigures.periodTo),
    );
  return rows.map((r) => toFiguresRow(r.f));
}

/** The commune (in the caller's scope) and the province slug it belongs to; 404 outside the scope. */
export async function communeInScope(ctx: WriteCtx, unitId: string, action: string) {
  const [unit] = await ctx.db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
  const [province] = unit?.provinceId
    ? await ctx.db.select().from(adminUnits).where(eq(adminUnits.id, unit.provinceId))
    : [];
  if (!unit || !inScope(ctx.scope, province?.slug))
    return denyOutOfScope(ctx.db, ctx.now, ctx.scope, `Unit ${unitId}`, 'unitId', {
      action,
      objectType: 'unit',
      objectId: unitId,
      clientIp: ctx.ip,
    });
  if (unit.level !== 'commune')
    throw new ApiError(
      422,
      'validation_failed',
      'unitId: figures are entered for communes',
      'unitId',
    );
  return unit;
}

/** A period must have begun by today, and the commune must exist on its last day (or today). */
export function checkPeriod(
  unit: { validFrom: string; validTo: string | null },
  periodFrom: string,
  periodTo: string,
  today: string,
) {
  if (periodFrom > today)
    throw new ApiError(
      422,
      'validation_failed',
      'periodFrom: the period has not begun',
      'periodFrom',
    );
  const last = periodTo < today ? periodTo : today;
  if (last < unit.validFrom || (unit.validTo && last >= unit.validTo))
    throw new ApiError(
      422,
      'validation_failed',
      `periodTo: the commune exists from ${unit.validFrom} to ${unit.validTo ?? 'now'}`,
      'periodTo',
    );
}

/** One commune's figures for a period: a new row, or an edit of the row it has (with its version). */
export async function saveFigures(
  ctx: WriteCtx,
  input: z.infer<typeof FiguresInputSchema>,
  ifMatch: string | undefined,
) {
  const { unitId, periodFrom, periodTo, version, ...values } = input;
  const unit = await communeInScope(ctx, unitId, 'figures.save');
  const today = vietnamDay(ctx.now);
  checkPeriod(unit, periodFrom, periodTo, today);
  const figures = Object.fromEntries(FIGURE_FIELDS.map(({ key }) => [key, values[key] ?? null]));
  return ctx.db.transaction(async (tx) => {
    const existing = (await storedFor(tx as unknown as Db, [unitId], periodFrom, periodTo)).get(
      unitId,
    );
    let before: Record<string, unknown> | null = null;
    let after: typeof communeFigures.$inferSelect;
    if (existing) {
      const v = expectedVersion(ifMatch, version);
      const r = await updateVersioned(
        tx as unknown as Db,
        communeFigures,
        existing.id,
        v,
        // A correction: in force from the day the period's figures were first recorded.
        { ...figures, source: 'form' },
        ctx.now,
      );
      before = r.before;
      after = r.after as typeof communeFigures.$inferSelect;
    } else {
      [after] = (await tx
        .insert(communeFigures)
        .values({ id: randomUUID(), unitId, periodFrom, periodTo, ...figures, recordedOn: today })
        .returning()) as [typeof communeFigures.$inferSelect];
    }
    await audit(tx, ctx.now, {
      actor: ctx.scope.user,
      action: 'figures.save',
      objectType: 'commune_figures',
      objectId: after.id,
      changes: diff(before, after as unknown as Record<string, unknown>),
      outcome: 'ok',
      clientIp: ctx.ip,
    });
    return { status: existing ? 200 : 201, row: toFiguresRow(after) };
  });
}
