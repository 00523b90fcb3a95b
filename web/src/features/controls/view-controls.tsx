import { formatViDate } from '@pcmt/shared/dates';
import { useI18n } from '../../i18n/use-i18n.ts';

interface Phase {
  id: string;
  name: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
}
interface Campaign {
  id: string;
  name: string;
  nameEn: string;
  phases: Phase[];
}
interface Props {
  provinces: { slug: string; name: string; nameEn: string }[];
  province: string;
  campaigns: Campaign[];
  campaign: string | null;
  phase: string | null;
  asOf: string;
  onProvince(slug: string): void;
  onCampaign(id: string): void;
  onPhase(id: string): void;
}

/** Province, campaign and phase choices; the phase timeline drives the date of every layer. */
export function ViewControls(p: Props) {
  const { t, lang } = useI18n();
  const current = p.campaigns.find((c) => c.id === p.campaign);
  return (
    <section className="controls" aria-label={t('campaign')}>
      <label>
        <span>{t('province')}</span>
        <select
          data-testid="province-select"
          value={p.province}
          onChange={(e) => p.onProvince(e.target.value)}
        >
          {p.provinces.map((x) => (
            <option key={x.slug} value={x.slug}>
              {lang === 'vi' ? x.name : x.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('campaign')}</span>
        {p.campaigns.length === 0 ? (
          <em>{t('noCampaign')}</em>
        ) : (
          <select
            data-testid="campaign-select"
            value={p.campaign ?? ''}
            onChange={(e) => p.onCampaign(e.target.value)}
          >
            {p.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === 'vi' ? c.name : c.nameEn}
              </option>
            ))}
          </select>
        )}
      </label>
      {current && (
        <div
          className="timeline"
          role="tablist"
          aria-label={t('phase')}
          data-testid="phase-timeline"
        >
          {current.phases.map((ph) => (
            <button
              key={ph.id}
              type="button"
              role="tab"
              aria-selected={ph.id === p.phase}
              data-testid={`phase-${ph.id}`}
              className={ph.id === p.phase ? 'phase active' : 'phase'}
              onClick={() => p.onPhase(ph.id)}
            >
              <strong>{lang === 'vi' ? ph.name : ph.nameEn}</strong>
              <small>
                {formatViDate(ph.startsOn)} – {formatViDate(ph.endsOn)}
              </small>
            </button>
          ))}
        </div>
      )}
      <p className="as-of" data-testid="as-of">
        {t('asOf')}: <strong>{formatViDate(p.asOf)}</strong>
      </p>
    </section>
  );
}
