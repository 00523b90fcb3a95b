import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@pcmt/shared/policy';
import { api, setCsrfToken, unwrap } from '../../lib/api.ts';
import { clearKeptData } from '../../sw/register.ts';
import { ROLE_LABELS } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';

interface Me {
  username: string;
  role: Role;
  provinceSlug: string | null;
  title: string;
}

/** Who is signed in: name, role and province, and the sign-out button. */
export function UserBadge({ me, provinceName }: { me: Me; provinceName: string }) {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const logout = useMutation({
    mutationFn: () => unwrap(api.auth.logout.$post()),
    onSettled: () => {
      // Signed out: forget the token and every cached answer; null marks "nobody is signed in".
      setCsrfToken('');
      void clearKeptData();
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(['me'], null);
    },
  });
  return (
    <div className="user-badge" data-testid="user-badge">
      <div>
        <strong>{me.title || me.username}</strong>
        <span className="muted">
          {me.username} · {ROLE_LABELS[lang][me.role]} · {provinceName}
        </span>
      </div>
      <button type="button" onClick={() => logout.mutate()} data-testid="logout">
        {f.signOut}
      </button>
    </div>
  );
}
