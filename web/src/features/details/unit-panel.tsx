import { useQuery } from '@tanstack/react-query';
import { addDays, existsDuring, formatViDate } from '@pcmt/shared/dates';
import { recordedBy } from '@pcmt/shared/state/window';
import { metricsOf, RULESET_QD28_2025, suggestTier } from '@pcmt/shared/tier-rules';
import type { HotspotKind, HotspotStatus, Tier } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS, STATUS_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { figuresQuery, unitQuery } from '../../lib/queries.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { suggestFromFigures } from '@pcmt/shared/figures';
import { figuresOn } from '@pcmt/shared/state/figures';
import { TIER_COLORS } from '../../map/styles.ts';
import { useVillageText } from '../../i18n/village-messages.ts';
import { VillageList } from './village-list.tsx';

/** The selected commune: tier history and its units before or after the 2025 reform. */
/** Figures recorded with an assessment, in the user's language. */
const CRITERIA_NAMES: Record<string, [string, string]> = {
  registeredUsers: ['người sử dụng, nghiện', 'users and addicts'],
  organisedUsePlaces: ['điểm tổ chức sử dụng', 'places of organised use'],
  offendersArrested: ['đối tượng bị bắt', 'offenders arrested'],
  plantsDestroyed: ['cây bị phá bỏ', 'plants destroyed'],
  activeHotspots: ['điểm, tụ điểm đang hoạt động', 'active points and clusters'],
};

interface HotspotBrief {
  id: string;
  kind: string;
  status: string;
}

export function UnitPanel({
  id,
  asOf,
  onClose,
  hotspots,
  onSelectHotspot,
  onFocusDistrict,
  onSelectUnit,
}: {
  id: string;
  /** Assessments after this day are not shown: the panel reads as of the dashboard's date. */
  asOf: string;
  onClose(): void;
  hotspots: HotspotBrief[];
  onSelectHotspot(id: string): void;
  onFocusDistrict(id: string): void;
  /** Selects another unit: a commune's village, a village's commune. */
  onSelectUnit(id: string): void;
}) {
  const { t, lang, num } = useI18n();
  const f = useFormText();
  const w = useVillageText();
  const { data } = useDashboard();
  // Its tier on the date as the map shows it: a unit not yet assessed carries its predecessors' worst.
  const onDate = data.derived?.snapshot.units.find((x) => x.id === id);
  const q = useQuery(unitQuery(id));
  if (q.isPending) return <section className="unit-panel">{t('loading')}</section>;
  if (q.isError) throw q.error;
  const u = q.data;
  const history = u.tierHistory.filter((h) => recordedBy(h.assessedOn, asOf));
  // A village's commune on the date: the one of its communes (era by era) valid that day.
  const commune =
    u.communes.find((c) => existsDuring(c, { startsOn: asOf, endsOn: asOf })) ?? u.communes[0];
  const later = u.tierHistory.length - history.length;
  // Units it was formed from by a reform, and units whose boundaries an import replaced (validity closed where it began).
  const former = u.predecessors.filter((o) => o.validTo && o.validTo > o.validFrom);
  const replaced = u.predecessors.filter((o) => o.validTo && o.validTo <= o.validFrom);
  return (
    <section className="unit-panel" data-testid="unit-panel">
      <header>
        <h3>{u.name}</h3>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">
        {u.code} · {t('population')}: {u.population ? num(u.population) : '—'} · {num(u.areaKm2)}{' '}
        km²
        {u.synthetic ? ` · ${t('demoData')}` : ''}
      </p>
      {u.level === 'village' && commune && (
        <p data-testid="village-commune">
          {w.inCommune}{' '}
          <button type="button" className="link" onClick={() => onSelectUnit(commune.id)}>
            {commune.name}
          </button>
          {u.communes.length > 1 && (
            <small className="muted" data-testid="village-eras">
              {' ('}
              {u.communes
                .filter((c) => c.id !== commune.id)
                .map((c) =>
                  c.validFrom > asOf
                    ? `${lang === 'vi' ? 'từ' : 'from'} ${formatViDate(c.validFrom)}: ${c.name}`
                    : `${lang === 'vi' ? 'đến' : 'until'} ${formatViDate(c.validTo ? addDays(c.validTo, -1) : asOf)}: ${c.name}`,
                )
                .join('; ')}
              {')'}
            </small>
          )}
        </p>
      )}
      {/* Decision 28's rule set classifies communes; a village's tier is its transformation's result. */}
      {u.level === 'commune' && (
        <TierSuggestion unitId={u.id} history={history} population={u.population} asOf={asOf} />
      )}
      {onDate?.inherited && (
        <p className="muted" data-testid="tier-inherited">
          {lang === 'vi'
            ? `Chưa được đánh giá riêng: mang mức ${TIER_LABELS.vi[onDate.tier]} (mức nặng nhất của các đơn vị trước, theo bảng chuyển đổi)`
            : `Not assessed itself yet: carries ${TIER_LABELS.en[onDate.tier]}, the worst of the units it was formed from`}
        </p>
      )}
      {later > 0 && (
        <p className="muted" data-testid="later-hidden">
          {later} {t('laterHidden')}
        </p>
      )}
      <ol className="tier-history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="swatch" style={{ background: TIER_COLORS[h.tier as Tier] }} />
            <span>
              {formatViDate(h.assessedOn)} — {TIER_LABELS[lang][h.tier as Tier]}
              <small className="muted criteria-values">
                {Object.entries(h.criteria)
                  .filter(([k]) => CRITERIA_NAMES[k])
                  .map(([k, v]) => `${CRITERIA_NAMES[k]![lang === 'vi' ? 0 : 1]}: ${String(v)}`)
                  .join(' · ')}
                {h.criteria.onKeyRoute === true
                  ? lang === 'vi'
                    ? ' · trên tuyến trọng điểm'
                    : ' · on a key route'
                  : ''}
              </small>
            </span>
          </li>
        ))}
      </ol>
      {u.parentId?.startsWith('dist-') && (
        <button
          type="button"
          className="link"
          onClick={() => onFocusDistrict(u.parentId!)}
          data-testid="focus-district"
        >
          {f.focusDistrict} ›
        </button>
      )}
      {hotspots.length > 0 && (
        <div data-testid="unit-hotspots">
          <h4>
            {t('hotspots')}: {hotspots.length}
          </h4>
          <ul className="link-list">
            {hotspots.slice(0, 6).map((h) => (
              <li key={h.id}>
                <button type="button" onClick={() => onSelectHotspot(h.id)}>
                  {HOTSPOT_KIND_LABELS[lang][h.kind as HotspotKind]} —{' '}
                  {STATUS_LABELS[lang][h.status as HotspotStatus]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {u.villages.length > 0 && (
        <VillageList villages={u.villages} asOf={asOf} onSelect={onSelectUnit} />
      )}
      {former.length > 0 && (
        <p className="muted" data-testid="unit-predecessors">
          {t('formedFrom')} ({lang === 'vi' ? 'trước' : 'before'}{' '}
          {formatViDate(former[0]!.validTo!)}): {names(former)}
        </p>
      )}
      {replaced.length > 0 && (
        <p className="muted" data-testid="unit-replaced">
          {t('replacedBoundaries')}: {names(replaced)}
        </p>
      )}
      {u.successors.length > 0 && (
        <p className="muted" data-testid="unit-successors">
          {t('mergedInto')}: {u.successors.map((o) => o.name).join(', ')}
        </p>
      )}
    </section>
  );
}

/**
 * The tier the rule set suggests, with the criteria that triggered it: from the commune figures in
 * force on the date (shared/src/state/figures.ts) or, without them, from the figures recorded with the
 * latest assessment.
 */
function TierSuggestion({
  unitId,
  history,
  population,
  asOf,
}: {
  unitId: string;
  history: {
    tier: string;
    assessedOn: string;
    criteria: Record<string, number | boolean>;
    note: string;
  }[];
  population: number | null;
  asOf: string;
}) {
  const { lang } = useI18n();
  const ft = useFiguresText();
  const { view } = useDashboard();
  const figures = useQuery(figuresQuery(view.province));
  const inForce = figuresOn(
    (figures.data ?? []).filter((r) => r.unitId === unitId),
    asOf,
  ).get(unitId);
  const last = history.at(-1);
  if (!inForce && !last) return null;
  const s = inForce
    ? suggestFromFigures(inForce, population)
    : suggestTier(RULESET_QD28_2025, metricsOf(last!.criteria, population));
  return (
    <div className="suggestion" data-testid="tier-suggestion">
      <div>
        {lang === 'vi' ? 'Đề xuất theo bộ tiêu chí' : 'Suggested by the rule set'} ({s.ruleSet}):{' '}
        <b data-testid="suggested-tier" data-tier={s.tier}>
          {TIER_LABELS[lang][s.tier]}
        </b>{' '}
        <small className="muted" data-testid="suggestion-source">
          {inForce
            ? `${ft.fromFigures} ${formatViDate(inForce.periodFrom)} – ${formatViDate(inForce.periodTo)}`
            : ft.fromAssessment}
        </small>
        {last && (
          <>
            {' · '}
            {lang === 'vi' ? 'quyết định' : 'decided'}:{' '}
            <b>{TIER_LABELS[lang][last.tier as Tier]}</b> ({formatViDate(last.assessedOn)})
          </>
        )}
      </div>
      {last && last.tier !== s.tier && (
        <p className="override-reason" data-testid="override-reason">
          {lang === 'vi' ? 'Lý do quyết định khác đề xuất' : 'Why the decision differs'}:{' '}
          {last.note.replace(/^Dữ liệu minh họa\.\s*/, '') ||
            (lang === 'vi' ? 'không ghi lý do' : 'no reason recorded')}
        </p>
      )}
      <ul data-testid="suggestion-reasons">
        {s.triggered.map((c) => (
          <li key={c.id}>
            {lang === 'vi' ? c.vi : c.en}
            {c.confirmed
              ? ''
              : lang === 'vi'
                ? ' (ngưỡng chưa xác nhận)'
                : ' (threshold unconfirmed)'}
          </li>
        ))}
        {s.triggered.length === 0 && <li>{ft.reasonsNone}</li>}
      </ul>
      {/* Where the thresholds come from, and what of the decision the suggestion does not judge. */}
      <details className="ruleset-about" data-testid="ruleset-about">
        <summary>{ft.rulesetAbout}</summary>
        <p className="muted small">
          {ft.rulesetSourceNote} {RULESET_QD28_2025.source}
        </p>
        <ul className="muted small">
          {RULESET_QD28_2025.notModelled.map((n) => (
            <li key={n.en}>{lang === 'vi' ? n.vi : n.en}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** Names once each, in their order. */
const names = (list: { name: string }[]) => [...new Set(list.map((o) => o.name))].join(', ');
