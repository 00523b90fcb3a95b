/**
 * A date typed as dd/mm/yyyy whatever the browser's language (a native date input follows the browser's
 * locale); it hands ISO `YYYY-MM-DD` to its owner, or null while the text is not a real date.
 */
import { useEffect, useState } from 'react';
import { formatViDate, parseViDate } from '@pcmt/shared/dates';

export function DateField(p: {
  value: string | null;
  onChange(iso: string | null): void;
  label: string;
  testId?: string;
  required?: boolean;
}) {
  const [text, setText] = useState(p.value ? formatViDate(p.value) : '');
  useEffect(() => {
    if (p.value && parseViDate(text) !== p.value) setText(formatViDate(p.value));
    // only an outside change of the value rewrites the text
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.value]);
  const bad = text.trim() !== '' && parseViDate(text) === null;
  return (
    <label className={`date-field${bad ? ' invalid' : ''}`}>
      <span>{p.label}</span>
      <input
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        value={text}
        required={p.required}
        aria-invalid={bad}
        data-testid={p.testId}
        onChange={(e) => {
          setText(e.target.value);
          p.onChange(parseViDate(e.target.value));
        }}
      />
    </label>
  );
}
