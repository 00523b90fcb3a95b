/** The campaign being written in the editor, and the body it sends (dates ISO; shares 0..1). */
import type { CampaignEdit, CampaignInput } from '@pcmt/shared/campaign-contracts';
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
/** A row already saved carries its id and the version read; the editor cannot remove it. */
interface Saved {
  id?: string;
  version?: number;
}
export interface PhaseDraft extends Saved {
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  objectives: ObjectiveDraft[];
}
export interface QuotaDraft extends Saved {
  phase: number | null;
  holder: string; // 'agency:<id>' or 'unit:<id>'
  metric: QuotaMetric;
  unit: QuotaUnit;
  target: string;
  label: string;
}
export interface DeadlineDraft extends Saved {
  phase: number | null;
  kind: DeadlineKind;
  dueOn: string | null;
  title: string;
}
export interface CampaignDraft extends Saved {
  name: string;
  documentNumber: string;
  issuingBody: string;
  /** Who the reports go to ("Kính gửi"). */
  reportTo: string;
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
  reportTo: '',
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
    reportTo: d.reportTo,
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

/** The saved campaign a commander opens in the editor (the shape `GET /api/campaigns/:id` answers). */
export interface SavedCampaign {
  id: string;
  version: number;
  name: string;
  documentNumber: string;
  issuingBody: string;
  reportTo?: string;
  issuedOn: string | null;
  startsOn: string;
  endsOn: string;
  ageLimitsMonths: Partial<Record<string, number>>;
  phases: {
    id: string;
    version: number;
    name: string;
    startsOn: string;
    endsOn: string;
    objectives: { text: string; measure?: string; comparator?: string; target?: number }[];
  }[];
  quotas: {
    id: string;
    version: number;
    phaseId: string | null;
    agencyId: string | null;
    unitId: string | null;
    metric: string;
    unit: string;
    target: number;
    label: string;
  }[];
  deadlines: {
    id: string;
    version: number;
    phaseId: string | null;
    kind: string;
    dueOn: string;
    title: string;
  }[];
}

/** The editor's draft of a saved campaign: every row keeps its id and version. */
export function fromCampaign(c: SavedCampaign): CampaignDraft {
  const index = (phaseId: string | null) => {
    const i = phaseId ? c.phases.findIndex((p) => p.id === phaseId) : -1;
    return i < 0 ? null : i;
  };
  return {
    id: c.id,
    version: c.version,
    name: c.name,
    documentNumber: c.documentNumber,
    issuingBody: c.issuingBody,
    reportTo: c.reportTo ?? '',
    issuedOn: c.issuedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    pointMonths: c.ageLimitsMonths.complex_point?.toString() ?? '',
    clusterMonths: c.ageLimitsMonths.complex_cluster?.toString() ?? '',
    phases: c.phases.map((p) => ({
      id: p.id,
      version: p.version,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      objectives: p.objectives.map((o) => ({
        text: o.text,
        measure: (o.measure ?? '') as ObjectiveMeasure | '',
        comparator: (o.comparator ?? 'at_least') as ObjectiveComparator,
        target:
          o.target === undefined
            ? ''
            : String(o.measure?.endsWith('_share') ? Math.round(o.target * 1000) / 10 : o.target),
      })),
    })),
    quotas: c.quotas.map((q) => ({
      id: q.id,
      version: q.version,
      phase: index(q.phaseId),
      holder: q.agencyId ? `agency:${q.agencyId}` : `unit:${q.unitId}`,
      metric: q.metric as QuotaMetric,
      unit: q.unit as QuotaUnit,
      target: String(q.target),
      label: q.label,
    })),
    deadlines: c.deadlines.map((d) => ({
      id: d.id,
      version: d.version,
      phase: index(d.phaseId),
      kind: d.kind as DeadlineKind,
      dueOn: d.dueOn,
      title: d.title,
    })),
  };
}

const saved = (x: Saved) => (x.id ? { id: x.id, version: x.version } : {});

/** The body of `PUT /api/campaigns/:id`: the create body with every saved row's id and version. */
export function toEditInput(d: CampaignDraft): CampaignEdit {
  const body = toInput(d);
  return {
    ...body,
    version: d.version ?? 0,
    phases: body.phases.map((p, i) => ({ ...saved(d.phases[i]!), ...p })),
    quotas: body.quotas.map((q, i) => ({ ...saved(d.quotas[i]!), ...q })),
    deadlines: body.deadlines.map((x, i) => ({ ...saved(d.deadlines[i]!), ...x })),
  };
}
