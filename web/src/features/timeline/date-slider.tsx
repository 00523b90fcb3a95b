import { useEffect, useState } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import { useFormText } from '../../i18n/use-form-text.ts';

const DAY = 86_400_000;
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A day inside the campaign, and a play button that steps through it week by week. */
export function DateSlider({
  from,
  to,
  value,
  onChange,
}: {
  from: string;
  to: string;
  value: string;
  onChange(date: string): void;
}) {
  const f = useFormText();
  const [playing, setPlaying] = useState(false);
  const start = Date.parse(from);
  const days = Math.max(0, Math.round((Date.parse(to) - start) / DAY));
  const at = Math.min(days, Math.max(0, Math.round((Date.parse(value) - start) / DAY)));
  useEffect(() => {
    if (!playing) return;
    if (at >= days) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onChange(toDay(start + Math.min(days, at + 7) * DAY)), 900);
    return () => clearTimeout(timer);
  }, [playing, at, days, start, onChange]);
  return (
    <div className="date-slider" data-testid="date-slider">
      <button
        type="button"
        onClick={() => (at >= days ? (onChange(from), setPlaying(true)) : setPlaying(!playing))}
        aria-label={playing ? f.pause : f.play}
        data-testid="play"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        min={0}
        max={days}
        value={at}
        onChange={(e) => onChange(toDay(start + Number(e.target.value) * DAY))}
        aria-label={f.date}
      />
      <span className="muted">
        {formatViDate(from)} – {formatViDate(to)}
      </span>
    </div>
  );
}
