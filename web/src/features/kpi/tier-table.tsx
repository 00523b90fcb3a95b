import { formatViDate, REFORM_DAY } from '@pcmt/shared/dates';
import { TIER_RANK, TIERS, type Tier } from '@pcmt/shared/domain';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { TIER_COLORS } from '../../map/styles.ts';

/** Communes per tier at the campaign start and on the date. */
export function TierTable(p: {
  start: string;
  asOf: string;
  now: Record<Tier, number>;
  atStart: Record<Tier, number>;
}) {
  const { lang, num } = useI18n();
  const f = useFormText();
  return (
    <>
      <h3>
        {f.tiersVsStart}: {formatViDate(p.start)} → {formatViDate(p.asOf)}
      </h3>
      {/* Across the July 2025 reform both columns count the communes of the date shown (fewer, merged): a merged
          commune's start reads the worst tier of the communes it was formed from. */}
      {p.start < REFORM_DAY && p.asOf >= REFORM_DAY && (
        <p className="muted small" data-testid="tiers-across-reform">
          {f.tiersAcrossReform}
        </p>
      )}
      <table className="grid tiers-table">
        <tbody>
          {TIERS.filter((t) => TIER_RANK[t] !== null).map((t) => (
            <tr key={t}>
              <td>
                <span className="swatch" style={{ background: TIER_COLORS[t] }} />{' '}
                {TIER_LABELS[lang][t]}
              </td>
              <td className="num">{num(p.atStart[t])}</td>
              <td className="num" data-testid={`kpi-tier-${t}`}>
                {num(p.now[t])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
