import type { QuotaUnit } from '@pcmt/shared/domain';
import { QUOTA_UNIT_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

/** The phase's quotas with the progress recorded up to the date; a district's quota narrows the view to it. */
export function QuotaList() {
  const { num, lang } = useI18n();
  const f = useFormText();
  const { data, setView } = useDashboard();
  const s = data.derived?.snapshot;
  const rows = new Map((data.detail.data?.quotas ?? []).map((q) => [q.id, q]));
  if (!s || s.quotas.length === 0) return null;
  return (
    <>
      <h3>{f.quotas}</h3>
      <ul className="quota-list" data-testid="quota-list">
        {s.quotas.map((q) => {
          const row = rows.get(q.id);
          return (
            <li key={q.id} data-testid={`quota-${q.id}`}>
              <div className="quota-label">
                {row?.unitId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setView({ focus: row.unitId, selected: null })}
                  >
                    {row.label}
                  </button>
                ) : (
                  <span>{row?.label}</span>
                )}
                <b>
                  {num(q.achieved)}/{num(q.target)}
                  {row ? ` ${QUOTA_UNIT_LABELS[lang][row.unit as QuotaUnit] ?? row.unit}` : ''}
                </b>
              </div>
              <div className="bar">
                <div
                  className={q.share >= 1 ? 'fill met' : 'fill'}
                  style={{ width: `${Math.min(100, Math.round(q.share * 100))}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
