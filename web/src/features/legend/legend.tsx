import { CROSSING_KINDS, HOTSPOT_STATUSES, TIERS, type Tier } from '@pcmt/shared/domain';
import { CROSSING_LABELS, STATUS_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import {
  CROSSING_COLORS,
  PROGRESS_COLORS,
  STATUS_COLORS,
  TIER_COLORS,
  type ColorBy,
} from '../../map/styles.ts';

/** The map legend, with the number of communes in each tier. */
export function Legend({
  tierCounts,
  showDistricts,
  colorBy,
  onColorBy,
}: {
  tierCounts: Record<Tier, number> | null;
  showDistricts: boolean;
  colorBy: ColorBy;
  onColorBy(next: ColorBy): void;
}) {
  const { t, lang, num } = useI18n();
  return (
    <section className="legend" data-testid="legend" aria-label={t('legend')}>
      <div className="color-by" role="radiogroup" aria-label={t('colorBy')}>
        <span>{t('colorBy')}:</span>
        {(['tier', 'progress'] as const).map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="color-by"
              checked={colorBy === c}
              onChange={() => onColorBy(c)}
              data-testid={`color-by-${c}`}
            />
            {c === 'tier' ? t('byTier') : t('byProgress')}
          </label>
        ))}
      </div>
      {colorBy === 'progress' ? (
        <>
          <h3>{t('progressTitle')}</h3>
          <ul data-testid="legend-progress">
            <li>
              <span className="swatch" style={{ background: PROGRESS_COLORS.recognised }} />
              <span className="label">{t('recognisedDrugFree')}</span>
            </li>
            {[8, 4, 0].map((n, i) => (
              <li key={n}>
                <span className="swatch" style={{ background: PROGRESS_COLORS.ramp[2 - i] }} />
                <span className="label">
                  {n}/8 {t('criteriaMetOf')}
                </span>
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: PROGRESS_COLORS.none }} />
              <span className="label">{t('noPlan')}</span>
            </li>
          </ul>
        </>
      ) : (
        <>
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
        </>
      )}
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
