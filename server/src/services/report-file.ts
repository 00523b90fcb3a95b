/** A periodic report as a file: scope check, figures for the date, Word or Excel, and its audit row. */
import { and, eq } from 'drizzle-orm';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { adminUnits, campaigns } from '../db/schema.ts';
import { audit } from './audit.ts';
import { reportDocx, KIND_TITLES } from './report-docx.ts';
import { reportFigures, type ReportKind } from './report-figures.ts';
import { reportXlsx } from './report-xlsx.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function reportFile(
  db: Db,
  now: Date,
  scope: Scope,
  campaignId: string,
  q: { phase?: string; kind: ReportKind; format: 'docx' | 'xlsx'; asOf?: string },
  ip: string | null,
) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c || !inScope(scope, c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Campaign ${campaignId}`, 'id', {
      objectType: 'campaign',
      objectId: campaignId,
      clientIp: ip,
    });
  const figures = await reportFigures(db, campaignId, q.phase, q.kind, vietnamDay(now), q.asOf);
  const [province] = await db
    .select({ name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.slug, c.provinceSlug), eq(adminUnits.level, 'province')));
  const place = province?.name.replace(/^Tỉnh /, '') ?? '';
  const bytes = q.format === 'docx' ? await reportDocx(figures, place) : await reportXlsx(figures);
  await audit(db, now, {
    actor: scope.user,
    action: 'report.export',
    objectType: 'campaign',
    objectId: campaignId,
    outcome: 'ok',
    clientIp: ip,
    detail: `${q.kind} ${q.format} ${figures.asOf}`,
  });
  return {
    bytes,
    type: TYPES[q.format],
    name: `${KIND_TITLES[q.kind]} ${figures.asOf}.${q.format}`,
  };
}
