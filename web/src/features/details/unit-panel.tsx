import { useQuery } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import { metricsOf, RULESET_QD28_2025, suggestTier } from '@pcmt/shared/tier-rules';
import type { Tier } from '@pcmt/shared/domain';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { unitQuery } from '../../lib/queries.ts';
import { TIER_COLORS } from '../../map/styles.ts';

/** The selected commune: tier history and its units before or after the 2025 reform. */
export function UnitPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t, lang, num } = useI18n();
  const q = useQuery(unitQuery(id));
  if (q.isPending) return <section className="unit-panel">{t('loading')}</section>;
  if (q.isError) throw q.error;
  const u = q.data;
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
      <TierSuggestion history={u.tierHistory} population={u.population} />
      <ol className="tier-history">
        {u.tierHistory.map((h) => (
          <li key={h.id}>
            <span className="swatch" style={{ background: TIER_COLORS[h.tier as Tier] }} />
            {formatViDate(h.assessedOn)} — {TIER_LABELS[lang][h.tier as Tier]}
          </li>
        ))}
      </ol>
      {u.predecessors.length > 0 && (
        <p className="muted" data-testid="unit-predecessors">
          {t('formedFrom')}: {u.predecessors.map((o) => o.name).join(', ')}
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

/** The tier the rule set suggests from the latest recorded figures, with the criteria that triggered it. */
function TierSuggestion({
  history,
  population,
}: {
  history: { tier: string; assessedOn: string; criteria: Record<string, number | boolean> }[];
  population: number | null;
}) {
  const { lang } = useI18n();
  const last = history.at(-1);
  if (!last) return null;
  const s = suggestTier(RULESET_QD28_2025, metricsOf(last.criteria, population));
  return (
    <div className="suggestion" data-testid="tier-suggestion">
      <div>
        {lang === 'vi' ? 'Đề xuất theo bộ tiêu chí' : 'Suggested by the rule set'} ({s.ruleSet}):{' '}
        <b data-testid="suggested-tier">{TIER_LABELS[lang][s.tier]}</b>
        {' · '}
        {lang === 'vi' ? 'quyết định' : 'decided'}: <b>{TIER_LABELS[lang][last.tier as Tier]}</b> (
        {formatViDate(last.assessedOn)})
      </div>
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
      </ul>
    </div>
  );
}
