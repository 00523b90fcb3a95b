/**
 * The dashboard's lists as .xlsx, as they stand on the view's date: hotspots, quotas and progress,
 * report deadlines, coordination events, transformation plans and their tasks. Every figure comes
 * from the shared snapshot, as on the screen; every text cell is formula-safe (xlsx-write.ts).
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { criterionMetOn, tasksOn } from '@pcmt/shared/state/plans';
import { recordedBy } from '@pcmt/shared/state/window';
import { DRUG_FREE_CRITERIA } from '@pcmt/shared/domain';
import type {
  DeadlineKind,
  EventKind,
  MeetingLevel,
  HotspotKind,
  PlanStatus,
  QuotaUnit,
  Tier,
} from '@pcmt/shared/domain';
import {
  communeHeading,
  DEADLINE_KIND_LABELS,
  DEADLINE_STATE_LABELS,
  EVENT_LABELS,
  HOTSPOT_KIND_LABELS,
  MEETING_LEVEL_LABELS,
  PLAN_STATUS_LABELS,
  QUOTA_UNIT_LABELS,
  STATUS_LABELS,
  TASK_STATUS_LABELS,
  TIER_LABELS,
} from '@pcmt/shared/labels';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  agencies,
  borderCrossings,
  campaigns,
  coordinationEvents,
  hotspots,
} from '../db/schema.ts';
import { audit } from './audit.ts';
import { withParts } from './coordination.ts';
import { listPlans } from './plans.ts';
import { namesWithCommune } from './units.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { campaignSnapshot } from './snapshot.ts';
import { addList, newWorkbook, workbookBytes, type Column } from './xlsx-write.ts';

export const LISTS = ['hotspots', 'quotas', 'deadlines', 'events', 'plans', 'tasks'] as const;
export type ListName = (typeof LISTS)[number];
const TITLES: Record<ListName, string> = {
  hotspots: 'Danh sách điểm, tụ điểm ma túy',
  quotas: 'Chỉ tiêu và kết quả thực hiện',
  deadlines: 'Hạn báo cáo',
  events: 'Hoạt động phối hợp qua biên giới',
  plans: 'Kế hoạch chuyển hóa địa bàn',
  tasks: 'Nhiệm vụ của kế hoạch chuyển hóa',
};

async function unitNames(db: Db, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: adminUnits.id, name: adminUnits.name, code: adminUnits.code })
        .from(adminUnits)
        .where(inArray(adminUnits.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}
async function agencyNames(db: Db, slug: string) {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.provinceSlug, slug));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type Snap = Awaited<ReturnType<typeof campaignSnapshot>>;

async function hotspotSheet(db: Db, s: Snap) {
  const list = s.snapshot.hotspots;
  const names = await unitNames(db, [...new Set(list.map((h) => h.unitId))]);
  const notes = list.length
    ? new Map(
        (
          await db
            .select({ id: hotspots.id, note: hotspots.note })
            .from(hotspots)
            .where(
              inArray(
                hotspots.id,
                list.map((h) => h.id),
              ),
            )
        ).map((r) => [r.id, r.note]),
      )
    : new Map<string, string>();
  type H = (typeof list)[number];
  const columns: Column<H>[] = [
    { header: 'Mã', value: (h) => h.id, width: 16 },
    { header: 'Loại', value: (h) => HOTSPOT_KIND_LABELS.vi[h.kind as HotspotKind] },
    { header: 'Tình trạng', value: (h) => STATUS_LABELS.vi[h.status], width: 16 },
    {
      header: communeHeading(s.window.asOf),
      value: (h) => names.get(h.unitId)?.name ?? h.unitId,
    },
    { header: 'Mã xã', value: (h) => names.get(h.unitId)?.code ?? '', width: 10 },
    { header: 'Ngày phát hiện', kind: 'date', value: (h) => h.identifiedOn },
    { header: 'Ngày triệt xóa', kind: 'date', value: (h) => h.eliminatedOn },
    { header: 'Số ngày tồn tại', kind: 'number', value: (h) => h.ageDays },
    { header: 'Quá hạn triệt xóa', value: (h) => (h.overdue ? 'có' : ''), width: 10 },
    { header: 'Tái hoạt động từ', value: (h) => h.reEmergedFromId ?? '', width: 16 },
    { header: 'Kinh độ', kind: 'degrees', value: (h) => (h as H & { lng: number }).lng },
    { header: 'Vĩ độ', kind: 'degrees', value: (h) => (h as H & { lat: number }).lat },
    { header: 'Ghi chú', value: (h) => notes.get(h.id) ?? '', width: 40 },
  ];
  return { columns, rows: list } as const;
}

async function quotaSheet(db: Db, s: Snap) {
  const rows = new Map(s.detail.quotas.map((q) => [q.id, q]));
  const units = await unitNames(
    db,
    s.detail.quotas.map((q) => q.unitId).filter((x): x is string => !!x),
  );
  const agencyName = await agencyNames(db, s.campaign.provinceSlug);
  const phase = new Map(s.campaign.phases.map((p) => [p.id, p.name]));
  type Q = (typeof s.snapshot.quotas)[number] & { phaseId: string | null };
  const columns: Column<Q>[] = [
    { header: 'Chỉ tiêu', value: (q) => rows.get(q.id)!.label, width: 40 },
    {
      header: 'Đơn vị, địa bàn',
      value: (q) => {
        const r = rows.get(q.id)!;
        return r.unitId
          ? (units.get(r.unitId)?.name ?? r.unitId)
          : (agencyName.get(r.agencyId ?? '') ?? '');
      },
    },
    {
      header: 'Giai đoạn',
      value: (q) => (q.phaseId ? (phase.get(q.phaseId) ?? '') : 'Cả kế hoạch'),
    },
    {
      header: 'Đơn vị tính',
      value: (q) => QUOTA_UNIT_LABELS.vi[rows.get(q.id)!.unit as QuotaUnit] ?? '',
      width: 12,
    },
    { header: 'Chỉ tiêu giao', kind: 'number', value: (q) => q.target },
    { header: 'Kết quả', kind: 'number', value: (q) => q.achieved },
    { header: 'Tỷ lệ', kind: 'percent', value: (q) => q.share },
  ];
  return {
    columns,
    rows: s.snapshot.quotas.map((q) => ({ ...q, phaseId: rows.get(q.id)!.phaseId })),
  } as const;
}

function deadlineSheet(s: Snap) {
  const rows = new Map(s.detail.deadlines.map((d) => [d.id, d]));
  type D = (typeof s.snapshot.deadlines)[number];
  const columns: Column<D>[] = [
    { header: 'Báo cáo', value: (d) => rows.get(d.id)!.title, width: 44 },
    {
      header: 'Loại',
      value: (d) => DEADLINE_KIND_LABELS.vi[rows.get(d.id)!.kind as DeadlineKind] ?? '',
    },
    { header: 'Hạn (ngày cuối)', kind: 'date', value: (d) => d.dueOn },
    { header: 'Ngày gửi', kind: 'date', value: (d) => d.submittedOn },
    { header: 'Tình trạng', value: (d) => DEADLINE_STATE_LABELS.vi[d.state], width: 18 },
  ];
  return { columns, rows: s.snapshot.deadlines } as const;
}

async function eventSheet(db: Db, slug: string, since: string, asOf: string) {
  const rows = await db
    .select({ e: coordinationEvents, crossing: borderCrossings.name })
    .from(coordinationEvents)
    .leftJoin(borderCrossings, eq(coordinationEvents.crossingId, borderCrossings.id))
    .where(
      and(
        eq(coordinationEvents.provinceSlug, slug),
        gte(coordinationEvents.occurredOn, since),
        lte(coordinationEvents.occurredOn, asOf),
      ),
    )
    .orderBy(coordinationEvents.occurredOn);
  const agencyName = await agencyNames(db, slug);
  const parts = new Map(
    (
      await withParts(
        db,
        rows.map((r) => r.e),
      )
    ).map((e) => [e.id, e]),
  );
  type E = (typeof rows)[number];
  const columns: Column<E>[] = [
    { header: 'Ngày', kind: 'date', value: (r) => r.e.occurredOn },
    { header: 'Hình thức', value: (r) => EVENT_LABELS.vi[r.e.kind as EventKind] ?? r.e.kind },
    { header: 'Cửa khẩu, lối mở', value: (r) => r.crossing ?? '' },
    { header: 'Tuyến biên giới', value: (r) => r.e.border, width: 10 },
    { header: 'Phía bạn', value: (r) => r.e.counterpart },
    {
      header: 'Đơn vị tham gia',
      value: (r) => r.e.agencyIds.map((id) => agencyName.get(id) ?? id).join('; '),
    },
    { header: 'Nội dung', value: (r) => r.e.summary, width: 48 },
    {
      header: 'Cấp giao ban',
      value: (r) => (r.e.level ? MEETING_LEVEL_LABELS.vi[r.e.level as MeetingLevel] : ''),
    },
    { header: 'Kết quả', value: (r) => r.e.outcome, width: 40 },
    {
      header: 'Việc tiếp theo (hạn)',
      value: (r) =>
        (parts.get(r.e.id)?.followUps ?? [])
          .map(
            (f) =>
              `${f.text} (${formatViDate(f.dueOn)}${recordedBy(f.doneOn, asOf) ? ', đã xong' : ''})`,
          )
          .join('; '),
      width: 40,
    },
  ];
  return { columns, rows } as const;
}

/** Plans with their criteria met and tasks made and done by `asOf` (as the plan panel reads them). */
async function planSheets(db: Db, scope: Scope, campaignId: string, slug: string, asOf: string) {
  const day = (at: Date | string) => vietnamDay(new Date(at));
  const listed = await listPlans(db, scope, campaignId);
  const names = await namesWithCommune(
    db,
    listed.map((p) => ({
      id: p.unitId,
      name: p.unitName,
      level: p.unitLevel,
      parentId: p.unitParentId,
    })),
    asOf,
  );
  const plans = listed.map((p) => ({
    ...p,
    unitName: names.get(p.unitId) ?? p.unitName,
    metCount: DRUG_FREE_CRITERIA.filter((n) =>
      criterionMetOn(
        p.criteria.find((c) => c.criterion === n),
        asOf,
      ),
    ).length,
    tasks: tasksOn(
      p.tasks.map((t) => ({ ...t, createdOn: day(t.createdAt) })),
      asOf,
    ),
  }));
  const agencyName = await agencyNames(db, slug);
  type P = (typeof plans)[number];
  const planColumns: Column<P>[] = [
    { header: communeHeading(asOf), value: (p) => p.unitName },
    { header: 'Phân loại khi lập', value: (p) => TIER_LABELS.vi[p.fromTier as Tier] ?? p.fromTier },
    { header: 'Mục tiêu', value: (p) => TIER_LABELS.vi[p.targetTier as Tier] ?? p.targetTier },
    { header: 'Thời hạn', kind: 'date', value: (p) => p.targetDate },
    { header: 'Cơ quan chủ trì', value: (p) => agencyName.get(p.responsibleAgencyId ?? '') ?? '' },
    {
      header: 'Tình trạng',
      value: (p) => PLAN_STATUS_LABELS.vi[p.status as PlanStatus] ?? p.status,
    },
    {
      header: 'Tiêu chí đạt (/8)',
      kind: 'number',
      value: (p) => p.criteria.filter((c) => c.met).length,
    },
    { header: 'Số nhiệm vụ', kind: 'number', value: (p) => p.tasks.length },
  ];
  type T = P['tasks'][number] & { commune: string };
  const taskColumns: Column<T>[] = [
    { header: communeHeading(asOf), value: (t) => t.commune },
    { header: 'Nhiệm vụ', value: (t) => t.title, width: 44 },
    { header: 'Cơ quan chủ trì', value: (t) => agencyName.get(t.leadAgencyId ?? '') ?? '' },
    {
      header: 'Cơ quan phối hợp',
      value: (t) => t.coAgencyIds.map((id) => agencyName.get(id) ?? id).join('; '),
    },
    { header: 'Thời hạn', kind: 'date', value: (t) => t.dueOn },
    {
      header: 'Tình trạng',
      value: (t) => TASK_STATUS_LABELS.vi[t.doneOnDate ? 'done' : 'open'],
    },
    { header: 'Ngày hoàn thành', kind: 'date', value: (t) => (t.doneOnDate ? t.doneOn : null) },
  ];
  const tasks = plans.flatMap((p) => p.tasks.map((t) => ({ ...t, commune: p.unitName })));
  return {
    plans: { columns: planColumns, rows: plans },
    tasks: { columns: taskColumns, rows: tasks },
  } as const;
}

/** One list of a campaign's view (its phase or date as on the dashboard) as an .xlsx file, audited. */
export async function listFile(
  db: Db,
  now: Date,
  scope: Scope,
  list: ListName,
  q: { campaign: string; phase?: string; asOf?: string },
  ip: string | null,
) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, q.campaign));
  if (!c || !inScope(scope, c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Campaign ${q.campaign}`, 'campaign', {
      objectType: 'campaign',
      objectId: q.campaign,
      clientIp: ip,
    });
  const s = await campaignSnapshot(
    db,
    q.campaign,
    { phaseId: q.phase ?? null, date: q.asOf ?? null },
    vietnamDay(now),
  );
  const { since, asOf } = s.window;
  const table =
    list === 'hotspots'
      ? await hotspotSheet(db, s)
      : list === 'quotas'
        ? await quotaSheet(db, s)
        : list === 'deadlines'
          ? deadlineSheet(s)
          : list === 'events'
            ? await eventSheet(db, c.provinceSlug, since, asOf)
            : (await planSheets(db, scope, c.id, c.provinceSlug, asOf))[list];
  const wb = newWorkbook();
  const title = `${TITLES[list]} – ${c.name}${s.window.phase ? ` – ${s.window.phase.name}` : ''} – đến ngày ${formatViDate(asOf)}`;
  addList(wb, TITLES[list].slice(0, 31), title, table.columns as Column<unknown>[], table.rows);
  await audit(db, now, {
    actor: scope.user,
    action: 'list.export',
    objectType: 'campaign',
    objectId: c.id,
    outcome: 'ok',
    clientIp: ip,
    detail: `${list} ${asOf}`,
  });
  return { bytes: await workbookBytes(wb), name: `${list}-${c.id}-${asOf}.xlsx` };
}
