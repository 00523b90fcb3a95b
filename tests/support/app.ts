/**
 * The real app over a test database with a controllable clock, and signed-in test users.
 * `call(method, path, { as, body })` returns status, parsed JSON and headers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import { createApp } from '@pcmt/server/app';
import type { Db, Engine } from '@pcmt/server/db/create-db';
import { agencies } from '@pcmt/server/db/schema';
import { createUser } from '@pcmt/server/services/users';
import type { Role } from '@pcmt/shared/policy';

const require = createRequire(import.meta.url);
const basemapJson = readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8');

export const FIXED_NOW = new Date('2026-11-22T03:00:00Z');
export const PASSWORD = 'Kiem-tra-2026!';

/** Test accounts: one per role in Lào Cai, plus users of other provinces; `national` reads everything. */
export const TEST_USERS = {
  national: { role: 'admin', province: null, station: null },
  commander: { role: 'commander', province: 'lao-cai', station: null },
  border: {
    role: 'border_unit',
    province: 'lao-cai',
    station: 'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
  },
  border2: { role: 'border_unit', province: 'lao-cai', station: 'Đồn Biên phòng Bản Vược' },
  planner: { role: 'planner', province: 'lai-chau', station: null },
  admin: { role: 'admin', province: 'lao-cai', station: null },
  adminLaiChau: { role: 'admin', province: 'lai-chau', station: null },
  commanderSonLa: { role: 'commander', province: 'son-la', station: null },
  borderSonLa: { role: 'border_unit', province: 'son-la', station: 'Đồn Biên phòng Chiềng Khương' },
  plannerLaoCai: { role: 'planner', province: 'lao-cai', station: null },
} as const satisfies Record<
  string,
  { role: Role; province: string | null; station: string | null }
>;
export type TestUser = keyof typeof TEST_USERS;

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function testApp(db: Db, engine: Engine) {
  let now = new Date(FIXED_NOW);
  const app = createApp({ db, engine, clock: () => now, basemapJson, meta: { test: true } });
  const sessions = new Map<string, Promise<{ cookie: string; csrf: string }>>();

  for (const [name, u] of Object.entries(TEST_USERS)) {
    const [station] = u.station
      ? await db.select().from(agencies).where(eq(agencies.name, u.station))
      : [];
    await createUser(db, {
      username: `t.${name.toLowerCase()}`,
      password: PASSWORD,
      role: u.role,
      provinceSlug: u.province,
      agencyId: station?.id ?? null,
    });
  }

  async function raw(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; cookie?: string; ip?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.body !== undefined && !(init.body instanceof Uint8Array) && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const res = await app.request(
      path,
      {
        method,
        headers,
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string' || init.body instanceof Uint8Array
              ? (init.body as BodyInit)
              : JSON.stringify(init.body),
      },
      // The client's address as @hono/node-server passes it: the socket's peer.
      init.ip ? { incoming: { socket: { remoteAddress: init.ip } } } : undefined,
    );
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (CSV, HTML)
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** Signs in from `ip` (none: 'local'), sending the device cookie `device` when given. */
  async function login(
    username: string,
    password = PASSWORD,
    opts: { ip?: string; device?: string } = {},
  ) {
    const r = await raw('POST', '/api/auth/login', {
      body: { username, password },
      ip: opts.ip,
      cookie: opts.device,
    });
    const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = cookies.find((c) => c.startsWith('__Host-pcmt_session=')) ?? '';
    const device = cookies.find((c) => c.startsWith('__Host-pcmt_device=')) ?? '';
    return { ...r, cookie, device, csrf: r.body?.csrfToken as string };
  }

  // One login per user, even when many requests start at once.
  function session(user: TestUser): Promise<{ cookie: string; csrf: string }> {
    let s = sessions.get(user);
    if (!s) {
      s = login(`t.${user.toLowerCase()}`).then((r) => {
        if (r.status !== 200)
          throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
        return { cookie: r.cookie, csrf: r.csrf };
      });
      sessions.set(user, s);
    }
    return s;
  }

  async function call(
    method: string,
    path: string,
    opts: { as?: TestUser; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const s = await session(opts.as ?? 'national');
    return raw(method, path, {
      body: opts.body,
      cookie: s.cookie,
      headers: { 'x-csrf-token': s.csrf, ...(opts.headers ?? {}) },
    });
  }

  return {
    app,
    raw,
    login,
    call,
    get: (path: string, as: TestUser = 'national') => call('GET', path, { as }),
    setNow: (d: Date) => (now = d),
    forget: () => sessions.clear(),
  };
}
export type TestApi = Awaited<ReturnType<typeof testApp>>;
