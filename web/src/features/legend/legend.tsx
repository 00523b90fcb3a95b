import { CROSSING_KINDS, HOTSPOT_STATUSES, TIERS, type Tier } from '@pcmt/shared/domain';
import { CROSSING_LABELS, STATUS_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { CROSSING_COLORS, STATUS_COLORS, TIER_COLORS } from '../../map/styles.ts';

/** The map legend, with the number of communes in each tier. */
export function Legend({
  tierCounts,
  showDistricts,
}: {
  tierCounts: Record<Tier, number> | null;
  showDistricts: boolean;
}) {
  const { t, lang, num } = useI18n();
  return (
    <section className="legend" data-testid="legend" aria-label={t('legend')}>
      <h3>{t('tiers')}</h3>
      <ul>
        {TIERS.map((tier) => (
          <li key={tier} data-testid={`legend-tier-${tier}`}>
            <span className="swatch" style={{ background: TIER_COLORS[tier] }} />
            <span className="label">{TIER_LABELS[lang][tier]}</span>
            <span className="count">{tierCounts ? num(tierCounts[tier]) : '…'}</span>
          </li>
        ))}
      </ul>
      <h3>{t('hotspots')}</h3>
      <ul>
        {HOTSPOT_STATUSES.map((s) => (
          <li key={s}>
            <span className="dot" style={{ background: STATUS_COLORS[s] }} />
            <span className="label">{STATUS_LABELS[lang][s]}</span>
          </li>
        ))}
        <li>
          <span className="dot overdue" />
          <span className="label">{t('overdue')}</span>
        </li>
      </ul>
      <h3>{t('crossings')}</h3>
      <ul>
        {CROSSING_KINDS.filter((k) => k !== 'trail').map((k) => (
          <li key={k}>
            <span className="dot" style={{ background: CROSSING_COLORS[k] }} />
            <span className="label">{CROSSING_LABELS[lang][k]}</span>
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <span className="line border" />
          <span className="label">{t('border')}</span>
        </li>
        <li>
          <span className="line route" />
          <span className="label">{t('keyRoute')}</span>
        </li>
        <li>
          <span className="line stretch" />
          <span className="label">{t('stationStretch')}</span>
        </li>
        <li>
          <span className="line belt" />
          <span className="label">{t('borderCommune')}</span>
        </li>
        <li>
          <span className="line track" />
          <span className="label">{t('patrolTrack')}</span>
        </li>
        <li>
          <span className="line regressed" />
          <span className="label">{t('regressed')}</span>
        </li>
        {showDistricts && (
          <li>
            <span className="line district" />
            <span className="label">{t('districtOutline')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
