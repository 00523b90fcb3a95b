/** The campaign being written in the editor, and the body it sends (dates ISO; shares 0..1). */
import type { CampaignInput } from '@pcmt/shared/campaign-contracts';
import type {
  DeadlineKind,
  ObjectiveComparator,
  ObjectiveMeasure,
  QuotaMetric,
  QuotaUnit,
} from '@pcmt/shared/domain';

export interface ObjectiveDraft {
  text: string;
  measure: ObjectiveMeasure | '';
  comparator: ObjectiveComparator;
  /** As typed: per cent for a share, a count otherwise. */
  target: string;
}
export interface PhaseDraft {
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  objectives: ObjectiveDraft[];
}
export interface QuotaDraft {
  phase: number | null;
  holder: string; // 'agency:<id>' or 'unit:<id>'
  metric: QuotaMetric;
  unit: QuotaUnit;
  target: string;
  label: string;
}
export interface DeadlineDraft {
  phase: number | null;
  kind: DeadlineKind;
  dueOn: string | null;
  title: string;
}
export interface CampaignDraft {
  name: string;
  documentNumber: string;
  issuingBody: string;
  issuedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  pointMonths: string;
  clusterMonths: string;
  phases: PhaseDraft[];
  quotas: QuotaDraft[];
  deadlines: DeadlineDraft[];
}

export const emptyPhase = (): PhaseDraft => ({
  name: '',
  startsOn: null,
  endsOn: null,
  objectives: [],
});

export const emptyDraft = (issuingBody: string): CampaignDraft => ({
  name: '',
  documentNumber: '',
  issuingBody,
  issuedOn: null,
  startsOn: null,
  endsOn: null,
  pointMonths: '',
  clusterMonths: '',
  phases: [emptyPhase()],
  quotas: [],
  deadlines: [],
});

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** The request body; what is missing or malformed goes as is, so the server names the field. */
export function toInput(d: CampaignDraft): CampaignInput {
  const limits: Record<string, number> = {};
  if (num(d.pointMonths) !== undefined) limits.complex_point = num(d.pointMonths)!;
  if (num(d.clusterMonths) !== undefined) limits.complex_cluster = num(d.clusterMonths)!;
  return {
    name: d.name,
    nameEn: '',
    documentNumber: d.documentNumber,
    issuingBody: d.issuingBody,
    issuedOn: d.issuedOn,
    startsOn: d.startsOn ?? '',
    endsOn: d.endsOn ?? '',
    ageLimitsMonths: limits,
    phases: d.phases.map((p) => ({
      name: p.name,
      nameEn: '',
      startsOn: p.startsOn ?? '',
      endsOn: p.endsOn ?? '',
      objectives: p.objectives.map((o) => {
        if (!o.measure) return { text: o.text };
        const t = num(o.target);
        const share = o.measure.endsWith('_share');
        return {
          text: o.text,
          measure: o.measure,
          comparator: o.comparator,
          target: t === undefined ? (undefined as never) : share ? t / 100 : t,
        };
      }),
    })),
    quotas: d.quotas.map((q) => ({
      phase: q.phase,
      agencyId: q.holder.startsWith('agency:') ? q.holder.slice(7) : null,
      unitId: q.holder.startsWith('unit:') ? q.holder.slice(5) : null,
      metric: q.metric,
      unit: q.unit,
      target: num(q.target) ?? 0,
      label: q.label,
    })),
    deadlines: d.deadlines.map((x) => ({
      phase: x.phase,
      kind: x.kind,
      dueOn: x.dueOn ?? '',
      title: x.title,
    })),
  };
}
