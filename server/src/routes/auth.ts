import { Hono } from 'hono';
import { vietnamDay } from '@pcmt/shared/dates';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginSchema } from '@pcmt/shared/contracts';
import { SESSION_ABSOLUTE_MS, SIGN_IN, type Role } from '@pcmt/shared/policy';
import type { AppDeps } from '../deps.ts';
import { basemapFile } from '../services/basemap.ts';
import type { AppEnv } from '../http/env.ts';
import { json } from '../http/validate.ts';
import { auditedRateLimit } from '../http/rate-limit.ts';
import { logout, SESSION_COOKIE } from '../auth/sessions.ts';
import { DEVICE_COOKIE, login } from '../auth/sign-in.ts';
import { audit } from '../services/audit.ts';

/** The signed-in user as the dashboard starts from it: the answer of a sign-in and of /auth/me alike. */
function whoAmI(
  deps: AppDeps,
  u: {
    username: string;
    role: string;
    provinceSlug: string | null;
    agencyId: string | null;
    title: string;
    csrfToken: string;
  },
) {
  return {
    username: u.username,
    role: u.role as Role,
    provinceSlug: u.provinceSlug,
    agencyId: u.agencyId,
    title: u.title,
    csrfToken: u.csrfToken,
    /** The server's day in Asia/Ho_Chi_Minh: the dashboard caps its dates with it, as the API does. */
    today: vietnamDay(deps.clock()),
    /** The basemap's content hash: `GET /api/basemap?v=` with it may be kept for a year. */
    basemapVersion: basemapFile(deps).version,
  };
}

export const authRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post(
      '/auth/login',
      auditedRateLimit(deps, 10, (c) => `login:${c.get('clientIp') ?? 'local'}`),
      json(LoginSchema),
      async (c) => {
        const { username, password } = c.req.valid('json');
        const { token, csrfToken, user, deviceToken } = await login(deps.db, deps.clock(), {
          username,
          password,
          ip: c.get('clientIp'),
          deviceToken: getCookie(c, DEVICE_COOKIE),
        });
        setCookie(c, SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
          maxAge: SESSION_ABSOLUTE_MS / 1000,
        });
        // The browser is remembered for this user: a lock by someone else's failed tries does not stop it.
        setCookie(c, DEVICE_COOKIE, deviceToken, {
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
          maxAge: SIGN_IN.deviceMaxAgeMs / 1000,
        });
        // The same answer as /auth/me: the dashboard starts from it without asking again.
        return c.json({
          ...whoAmI(deps, { ...user, csrfToken }),
        });
      },
    )
    .post('/auth/logout', async (c) => {
      const user = c.get('user');
      await logout(deps.db, user.tokenHash);
      await audit(deps.db, deps.clock(), {
        actor: user,
        action: 'logout',
        objectType: 'user',
        objectId: user.id,
        outcome: 'ok',
        clientIp: c.get('clientIp'),
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
      return c.json({ ok: true });
    })
    .get('/auth/me', (c) => {
      return c.json(whoAmI(deps, c.get('user')));
    });
