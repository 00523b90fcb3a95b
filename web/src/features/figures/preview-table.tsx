import type { ReactNode } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import { FIGURE_FIELDS, type FiguresPreview, type SuggestionBrief } from '@pcmt/shared/figures';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TIER_COLORS } from '../../map/styles.ts';

const SHORT: Record<string, [string, string]> = {
  population: ['Dân số', 'Population'],
  registeredUsers: ['Người nghiện, sử dụng', 'Users, addicts'],
  organisedUsePlaces: ['Điểm tổ chức sử dụng', 'Places of use'],
  offendersArrested: ['Đối tượng bị bắt', 'Offenders'],
  plantsDestroyed: ['Cây phá bỏ', 'Plants'],
  areaDestroyedM2: ['m² phá bỏ', 'm² destroyed'],
  onKeyRoute: ['Tuyến trọng điểm', 'Key route'],
};

/** What an uploaded figures file would change, commune by commune, with the suggested tier before and after. */
export function PreviewTable({
  preview,
  children,
}: {
  preview: FiguresPreview;
  children?: ReactNode;
}) {
  const { lang, num } = useI18n();
  const t = useFiguresText();
  const value = (v: number | boolean | null) =>
    v === null ? '—' : typeof v === 'boolean' ? (v ? t.yes : t.no) : num(v);
  const tier = (s: SuggestionBrief | null) =>
    s ? (
      <span className="tier-chip">
        <span className="swatch" style={{ background: TIER_COLORS[s.tier] }} />
        {TIER_LABELS[lang][s.tier]}
      </span>
    ) : (
      <span className="muted">{t.none}</span>
    );
  return (
    <div className="figures-preview" data-testid="figures-preview">
      <h4>
        {t.previewTitle}: {preview.provinceName}, {formatViDate(preview.periodFrom)} –{' '}
        {formatViDate(preview.periodTo)}
      </h4>
      <p className="muted">
        {preview.rows.length} {t.changed} · {preview.unchanged} {t.unchanged}
      </p>
      {preview.rows.length === 0 && <p>{t.nothing}</p>}
      {children}
      {preview.rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t.commune}</th>
                <th>{t.changes}</th>
                <th>{t.suggested}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.unitId} data-testid="preview-row" data-code={r.code}>
                  <td>
                    {r.name}
                    <br />
                    <small className="muted">
                      {r.code} · {t.row} {r.row}
                    </small>
                  </td>
                  <td>
                    {r.changes.map((c) => (
                      <div key={c.key}>
                        {SHORT[c.key]?.[lang === 'vi' ? 0 : 1] ??
                          FIGURE_FIELDS.find((f) => f.key === c.key)?.[lang]}
                        : {value(c.before)} → <b>{value(c.after)}</b>
                      </div>
                    ))}
                  </td>
                  <td data-testid="preview-tier" data-tier={r.after?.tier ?? ''}>
                    {tier(r.before)} → {tier(r.after)}
                    <ul className="reasons">
                      {(r.after?.triggered ?? []).map((c) => (
                        <li key={c.id}>{c[lang]}</li>
                      ))}
                      {r.after && r.after.triggered.length === 0 && <li>{t.reasonsNone}</li>}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
