/**
 * Thanh Hóa 2023's "4 rõ" table (seed 001, extracted to sources/th-2023-tasks.tsv by extract-tasks.ts) as the
 * programme's own tasks. Each agency named is matched to the province's agencies by the spellings the plan uses;
 * those the demo lacked (departments, the localities, groups such as "các sở, ban, ngành") are added under the name
 * the plan prints. A row with several lead agencies keeps the first as its lead and the others first among the
 * co-ordinating ones (the table has one lead column per task in the product). The deadline is read from the
 * "target or time" column: a month or the last quarter named, else the end of the programme's year.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgencyKind } from '@pcmt/shared/domain';
import type { AgencyRow, ProgrammeTaskRow } from '@pcmt/shared/demo-data';

const here = dirname(fileURLToPath(import.meta.url));
const YEAR = '2023';

/** Phrases holding commas, read as one name before a cell is split at its commas. */
const GROUPS: [RegExp, string][] = [
  [/các sở, ban, ngành, đoàn thể thành viên BCĐ 138 tỉnh/i, 'BCĐ138'],
  [/các sở, ban, ngành, đoàn thể cấp tỉnh/i, 'SỞNGÀNH'],
  [/các sở, ban, ngành, đoàn thể/i, 'SỞNGÀNH'],
  [/các sở, ngành, đoàn thể/i, 'SỞNGÀNH'],
  [/các doanh nghiệp viễn thông, bưu chính/i, 'DNVT'],
];

/** The plan's spellings → an existing agency (by kind) or the name of one to add, with its kind. */
const ALIASES: [RegExp, { kind: AgencyKind; name?: string }][] = [
  [/^BCĐ138$/, { kind: 'steering_committee' }],
  [/^Công an tỉnh$/, { kind: 'police_department' }],
  [/^BCH BĐBP tỉnh$/, { kind: 'border_guard' }],
  [/^(Cục )?Hải quan( tỉnh)?$|^Cục Hải quan tỉnh$/, { kind: 'customs' }],
  [
    /^(Tỉnh Đoàn TNCSHCM|Đoàn TNCSHCM tỉnh|TNCSHCM tỉnh)$/,
    { kind: 'mass_organisation', name: 'Tỉnh Đoàn Thanh Hóa' },
  ],
  [/^Hội LHPN tỉnh$/, { kind: 'mass_organisation', name: 'Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa' }],
  [
    /^(các|Các) địa (phương|phuong)( liên quan)?$/,
    { kind: 'local_government', name: 'UBND các huyện, thị xã, thành phố' },
  ],
  [/^SỞNGÀNH$/, { kind: 'department', name: 'Các sở, ban, ngành, đoàn thể cấp tỉnh' }],
  [/^DNVT$/, { kind: 'department', name: 'Các doanh nghiệp viễn thông, bưu chính' }],
  [/^Sở (GDĐT|GD-ĐT|Giáo dục và Đào tạo)$/, { kind: 'department', name: 'Sở Giáo dục và Đào tạo' }],
  [/^Ban (D|d)ân tộc$/, { kind: 'department', name: 'Ban Dân tộc tỉnh' }],
  [
    /^(Đài Phát thanh và Truyền hình tỉnh|Đài PT&TH tỉnh)$/,
    { kind: 'department', name: 'Đài Phát thanh và Truyền hình tỉnh' },
  ],
];

const MASS = /^(UBMTTQ|LĐLĐ|Hội )/;

function cells(text: string): string[] {
  let t = text.replace(/\s+/g, ' ').trim();
  for (const [re, token] of GROUPS) t = t.replace(re, token);
  return t
    .split(/[,;]/)
    .map((x) => x.trim().replace(/\.$/, ''))
    .filter(Boolean);
}

/**
 * The last day of the period a "target or time" names, in the programme's year, and whether the plan names it:
 * regular or periodic work ("thực hiện thường xuyên", "định kỳ"), and a target with no time, run the whole year,
 * and their 31/12 is an assumption (shown "giả định"), not the plan's.
 */
export function deadlineFrom(target: string): { dueOn: string; assumed: boolean } {
  const month = /^Tháng (\d{1,2})\b/.exec(target);
  if (month) {
    const m = Number(month[1]);
    return {
      dueOn: new Date(Date.UTC(Number(YEAR), m, 0)).toISOString().slice(0, 10),
      assumed: false,
    };
  }
  const quarters = [...target.matchAll(/Quý (IV|III|II|I)\b/g)].map((q) => q[1]!);
  const last = quarters.at(-1);
  if (last && !/thường xuyên|định kỳ/i.test(target))
    return {
      dueOn: `${YEAR}-${{ I: '03-31', II: '06-30', III: '09-30', IV: '12-31' }[last]}`,
      assumed: false,
    };
  return { dueOn: `${YEAR}-12-31`, assumed: true };
}

export function buildProgrammeTasks(agencies: AgencyRow[], campaignId: string): ProgrammeTaskRow[] {
  const rows = readFileSync(join(here, '..', 'sources', 'th-2023-tasks.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const province = 'thanh-hoa';
  const own = () => agencies.filter((a) => a.provinceSlug === province);
  const idOf = (raw: string): string => {
    const alias = ALIASES.find(([re]) => re.test(raw))?.[1];
    const name = alias?.name ?? raw;
    const found =
      own().find((a) => a.name === name) ??
      (alias && !alias.name ? own().find((a) => a.kind === alias.kind) : undefined);
    if (found) return found.id;
    const added: AgencyRow = {
      id: `agency-th-${String(own().filter((a) => a.id.startsWith('agency-th-')).length + 1).padStart(2, '0')}`,
      kind: alias?.kind ?? (MASS.test(name) ? 'mass_organisation' : 'department'),
      name,
      provinceSlug: province,
      unitId: null,
      synthetic: false,
    };
    agencies.push(added);
    return added.id;
  };
  return rows.map(([, title, target, lead, co], i) => {
    const leads = cells(lead ?? '').map(idOf);
    const cos = cells(co ?? '').map(idOf);
    return {
      id: `task-${campaignId}-${String(i + 1).padStart(2, '0')}`,
      title: title!,
      target: target ?? '',
      leadAgencyId: leads[0] ?? null,
      coAgencyIds: [...new Set([...leads.slice(1), ...cos])].filter((x) => x !== leads[0]),
      ...(({ dueOn, assumed }) => ({ dueOn, dueAssumed: assumed }))(deadlineFrom(target ?? '')),
    };
  });
}
