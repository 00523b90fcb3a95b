/**
 * A transformation plan as files: a Word "Kế hoạch" in the administrative form (its targets, the 8 criteria on the
 * day, the way to recognition, the campaign's phases and the "4 rõ" task table) and an Excel workbook of the plan,
 * its criteria and its tasks. Read by anyone of the province; audited.
 */
import { AlignmentType, Document, Packer } from 'docx';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import type { Tier } from '@pcmt/shared/domain';
import { CRITERIA_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { tasksOn } from '@pcmt/shared/state/plans';
import { criteriaMetOn, recognitionOn } from '@pcmt/shared/state/recognition';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  agencies,
  campaigns,
  criteriaCheckHistory,
  phases,
  planTasks,
  recognitionSteps,
} from '../db/schema.ts';
import { audit } from './audit.ts';
import { planSlug } from './plans.ts';
import { closing, header, p, t, table } from './report-docx.ts';
import { namesWithCommune } from './units.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { addList, newWorkbook, workbookBytes } from './xlsx-write.ts';

const STATE_WORDS = {
  in_progress: 'đang xây dựng',
  proposed: 'đã đề nghị thẩm định',
  appraised: 'đã được Hội đồng thẩm định',
  recognised: 'đã được công nhận không ma túy',
} as const;

/** Everything the files show, as of `day` (today). */
async function planFacts(db: Db, planId: string, day: string) {
  const found = (await planSlug(db, planId))!;
  const plan = found.plan;
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, plan.unitId));
  const [campaign] = plan.campaignId
    ? await db.select().from(campaigns).where(eq(campaigns.id, plan.campaignId))
    : [];
  const phaseRows = campaign
    ? await db
        .select()
        .from(phases)
        .where(eq(phases.campaignId, campaign.id))
        .orderBy(asc(phases.ordinal))
    : [];
  const history = await db
    .select()
    .from(criteriaCheckHistory)
    .where(eq(criteriaCheckHistory.planId, planId));
  const steps = await db.select().from(recognitionSteps).where(eq(recognitionSteps.planId, planId));
  const taskRows = await db
    .select()
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.dueOn));
  const agencyIds = [
    ...new Set(taskRows.flatMap((x) => [x.leadAgencyId, ...x.coAgencyIds])),
  ].filter((x): x is string => !!x);
  const names = new Map(
    (agencyIds.length
      ? await db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, agencyIds))
      : []
    ).map((a) => [a.id, a.name]),
  );
  const [province] = await db
    .select({ name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.slug, found.slug ?? ''), eq(adminUnits.level, 'province')));
  const tasks = tasksOn(
    taskRows.map((x) => ({ ...x, createdOn: vietnamDay(x.createdAt) })),
    day,
  ).map((x) => ({
    ...x,
    lead: x.leadAgencyId ? (names.get(x.leadAgencyId) ?? '') : '',
    co: x.coAgencyIds.map((id) => names.get(id) ?? id).join('; '),
  }));
  // A village is named with its commune on the day (its commune follows the crosswalk across a reform).
  const named = unit ? (await namesWithCommune(db, [unit], day)).get(unit.id) : null;
  return {
    plan,
    unitName: named ?? plan.unitId,
    campaign: campaign ?? null,
    phases: phaseRows,
    met: criteriaMetOn(history, day),
    recognition: recognitionOn(steps, day),
    tasks,
    provinceName: province?.name ?? '',
  };
}

type Facts = Awaited<ReturnType<typeof planFacts>>;
const stateOf = (x: { doneOnDate: boolean; overdue: boolean }) =>
  x.doneOnDate ? 'Đã xong' : x.overdue ? 'Quá hạn' : 'Đang thực hiện';

async function planDocx(f: Facts, day: string): Promise<Buffer> {
  const issuerOf = {
    issuingBody: f.campaign?.issuingBody ?? `UBND ${f.provinceName}`,
    documentNumber: f.campaign?.documentNumber ?? '',
    reportTo: '',
  };
  const place = f.provinceName.replace(/^Tỉnh /, '');
  const from = TIER_LABELS.vi[f.plan.fromTier as Tier];
  const to = TIER_LABELS.vi[f.plan.targetTier as Tier];
  const doc = new Document({
    creator: 'Bản đồ phòng, chống ma túy',
    title: `Kế hoạch chuyển hóa ${f.unitName}`,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header(issuerOf, day, place, 'KH'),
          p([t('KẾ HOẠCH', { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
          p([t(`Chuyển hóa địa bàn ${f.unitName}`, { bold: true })], {
            align: AlignmentType.CENTER,
            after: 0,
          }),
          ...(f.campaign
            ? [
                p([t(`(thực hiện ${f.campaign.name})`, { italics: true })], {
                  align: AlignmentType.CENTER,
                }),
              ]
            : []),
          p([t('I. MỤC TIÊU', { bold: true })]),
          p(
            `Chuyển hóa ${f.unitName} từ "${from}" thành "${to}" trước ngày ${formatViDate(f.plan.targetDate)}.`,
          ),
          // The target tier per phase (San Thàng's villages: less complex by phase 3, drug-free by phase 4).
          ...f.plan.phaseTargets.flatMap((x) => {
            const phase = f.phases.find((ph) => ph.id === x.phaseId);
            return phase
              ? [
                  p(
                    `- ${phase.name} (đến ngày ${formatViDate(phase.endsOn)}): đạt mức "${TIER_LABELS.vi[x.tier]}".`,
                  ),
                ]
              : [];
          }),
          p(
            `Đến ngày ${formatViDate(day)}: đạt ${f.met.length}/8 tiêu chí không ma túy` +
              `${f.met.length ? ` (tiêu chí ${f.met.join(', ')})` : ''}; ${STATE_WORDS[f.recognition.state]}` +
              `${f.recognition.regressedOn ? `, tái phức tạp từ ngày ${formatViDate(f.recognition.regressedOn)}` : ''}.`,
          ),
          p([t('II. TIÊU CHÍ', { bold: true })]),
          table(
            ['TT', 'Tiêu chí', 'Đến ngày ' + formatViDate(day)],
            CRITERIA_LABELS.vi.map((label, i) => [
              String(i + 1),
              label,
              f.met.includes(i + 1) ? 'Đạt' : 'Chưa đạt',
            ]),
            [0.6, 7, 2],
          ),
          p([t('III. CÁC GIAI ĐOẠN', { bold: true })]),
          f.phases.length
            ? table(
                ['Giai đoạn', 'Từ ngày', 'Đến ngày', 'Mục tiêu'],
                f.phases.map((x) => [
                  x.name,
                  formatViDate(x.startsOn),
                  formatViDate(x.endsOn),
                  x.objectives.map((o) => o.text).join('; '),
                ]),
                [1.6, 1.5, 1.5, 5],
              )
            : p('Kế hoạch không gắn với đợt, giai đoạn nào.'),
          p([t('IV. NHIỆM VỤ (4 RÕ)', { bold: true })]),
          f.tasks.length
            ? table(
                [
                  'TT',
                  'Nhiệm vụ',
                  'Chỉ tiêu/thời gian',
                  'Chủ trì',
                  'Phối hợp',
                  'Chức danh phụ trách',
                  'Thời hạn',
                  'Trạng thái',
                ],
                f.tasks.map((x, i) => [
                  String(i + 1),
                  x.title,
                  x.target,
                  x.lead,
                  x.co,
                  x.responsiblePosition,
                  formatViDate(x.dueOn),
                  stateOf(x),
                ]),
                [0.6, 3.4, 2, 1.8, 1.8, 1.6, 1.4, 1.4],
              )
            : p('Chưa giao nhiệm vụ.'),
          p('', { after: 120 }),
          closing(issuerOf),
          p(
            [
              t('Dữ liệu minh họa (demo) – không phải số liệu chính thức.', {
                italics: true,
                size: 20,
              }),
            ],
            {
              align: AlignmentType.LEFT,
            },
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function planXlsx(f: Facts, day: string): Promise<Buffer> {
  const wb = newWorkbook();
  addList(
    wb,
    'Kế hoạch',
    `Kế hoạch chuyển hóa ${f.unitName}, đến ngày ${formatViDate(day)}`,
    [
      { header: 'Nội dung', value: (r: [string, string]) => r[0], width: 30 },
      { header: 'Giá trị', value: (r: [string, string]) => r[1], width: 60 },
    ],
    [
      ['Địa bàn', f.unitName],
      ['Đợt, kế hoạch', f.campaign?.name ?? ''],
      ['Từ', TIER_LABELS.vi[f.plan.fromTier as Tier]],
      ['Mục tiêu', TIER_LABELS.vi[f.plan.targetTier as Tier]],
      ['Hạn', formatViDate(f.plan.targetDate)],
      ['Tiêu chí đạt', `${f.met.length}/8`],
      ['Công nhận', STATE_WORDS[f.recognition.state]],
    ],
  );
  addList(
    wb,
    'Tiêu chí',
    '08 tiêu chí không ma túy',
    [
      { header: 'TT', kind: 'number', value: (i: number) => i + 1, width: 6 },
      { header: 'Tiêu chí', value: (i: number) => CRITERIA_LABELS.vi[i], width: 80 },
      {
        header: 'Đạt',
        value: (i: number) => (f.met.includes(i + 1) ? 'Đạt' : 'Chưa đạt'),
        width: 12,
      },
    ],
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
  addList(
    wb,
    'Nhiệm vụ',
    'Nhiệm vụ (4 rõ)',
    [
      { header: 'Nhiệm vụ', value: (x: Facts['tasks'][number]) => x.title, width: 40 },
      { header: 'Chỉ tiêu/thời gian', value: (x: Facts['tasks'][number]) => x.target },
      { header: 'Chủ trì', value: (x: Facts['tasks'][number]) => x.lead },
      { header: 'Phối hợp', value: (x: Facts['tasks'][number]) => x.co },
      {
        header: 'Chức danh phụ trách',
        value: (x: Facts['tasks'][number]) => x.responsiblePosition,
      },
      { header: 'Thời hạn', kind: 'date', value: (x: Facts['tasks'][number]) => x.dueOn },
      { header: 'Trạng thái', value: (x: Facts['tasks'][number]) => stateOf(x), width: 14 },
    ],
    f.tasks,
  );
  return workbookBytes(wb);
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function planFile(
  db: Db,
  now: Date,
  scope: Scope,
  planId: string,
  format: 'docx' | 'xlsx',
  ip: string | null,
) {
  const found = await planSlug(db, planId);
  if (!found || !inScope(scope, found.slug))
    return denyOutOfScope(db, now, scope, `Plan ${planId}`, 'id', {
      action: 'plan.export',
      objectType: 'plan',
      objectId: planId,
      clientIp: ip,
    });
  const day = vietnamDay(now);
  const facts = await planFacts(db, planId, day);
  const bytes = format === 'docx' ? await planDocx(facts, day) : await planXlsx(facts, day);
  await audit(db, now, {
    actor: scope.user,
    action: 'plan.export',
    objectType: 'plan',
    objectId: planId,
    outcome: 'ok',
    clientIp: ip,
    detail: format,
  });
  return { bytes, type: TYPES[format], name: `Ke-hoach-chuyen-hoa-${facts.unitName}.${format}` };
}
