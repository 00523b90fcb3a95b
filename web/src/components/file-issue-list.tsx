import type { FileIssue } from '@pcmt/shared/errors';
import { problemText } from '@pcmt/shared/file-issues';
import { useFiguresText } from '../i18n/figures-messages.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** An uploaded file's problems as a table the user can work down: sheet, row, column, problem. */
export function FileIssueList({ issues, title }: { issues: FileIssue[]; title: string }) {
  const t = useFiguresText();
  const { lang } = useI18n();
  return (
    <div className="error-box issues" role="alert" data-testid="file-issues">
      <b>
        {title} ({issues.length})
      </b>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t.sheet}</th>
              <th>{t.row}</th>
              <th>{t.column}</th>
              <th>{t.problem}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i, n) => (
              <tr key={n}>
                <td>{i.sheet}</td>
                <td>{i.row ?? '—'}</td>
                <td>{i.column ?? '—'}</td>
                <td>{problemText(i, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
