import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, rateLimits } from '@pcmt/server/db/schema';
import { createApp } from '@pcmt/server/app';
import { ROUTE_POLICY } from '@pcmt/shared/policy';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { FIXED_NOW, PASSWORD, testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);
const me = (s: { cookie: string }) => api.raw('GET', '/api/auth/me', { cookie: s.cookie });

describe(`sessions (${process.env.DB_ENGINE})`, () => {
  it('sets a __Host- cookie: HttpOnly, Secure, SameSite=Strict, 256 random bits, new at every login', async () => {
    const a = await api.login('t.planner');
    const b = await api.login('t.planner');
    const header = a.headers.get('set-cookie')!;
    expect(header).toMatch(/^__Host-pcmt_session=[A-Za-z0-9_-]{43};/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Path=\//);
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('answers a login with the same user as /auth/me, the server’s day included', async () => {
    const a = await api.login('t.planner');
    const { csrfToken: _a, ...fromLogin } = a.body;
    const { csrfToken: _b, ...fromMe } = (await me(a)).body;
    expect(fromLogin).toEqual(fromMe);
    expect(fromLogin.today).toBe('2026-11-22');
  });

  it('ends a session idle for 30 minutes', async () => {
    api.setNow(at(0));
    const s = await api.login('t.planner');
    api.setNow(at(29));
    expect((await me(s)).status).toBe(200);
    api.setNow(at(29 + 31));
    expect((await me(s)).status).toBe(401);
  });

  it('ends a session after 12 hours even when in use', async () => {
    api.setNow(at(0));
    const s = await api.login('t.planner');
    for (let m = 25; m < 12 * 60; m += 25) {
      api.setNow(at(m));
      expect((await me(s)).status, `minute ${m}`).toBe(200);
    }
    api.setNow(at(12 * 60 + 1));
    expect((await me(s)).status).toBe(401);
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    for (let i = 0; i < 6; i++) {
      api.setNow(at(300 + i * 4));
      expect((await api.login('t.bordersonla', `sai-${i}-mat-khau`)).body.error.code).toBe(
        'invalid_credentials',
      );
    }
    api.setNow(at(330));
    expect((await api.login('t.bordersonla')).status).toBe(200);
  });

  it('refuses weak passwords naming the field', async () => {
    api.forget();
    for (const password of ['short1', 'password123', 'matkhau123']) {
      const r = await api.call('POST', '/api/users', {
        body: { username: 'moi.nguoi', password, role: 'planner', provinceSlug: 'lao-cai' },
      });
      expect(r.status).toBe(422);
      expect(r.body.error.field).toBe('password');
    }
  });
});

describe('request hardening', () => {
  it('refuses a write without the CSRF token', async () => {
    api.setNow(FIXED_NOW);
    const s = await api.login('t.commander');
    const r = await api.raw('POST', '/api/assessments', {
      cookie: s.cookie,
      body: { unitId: 'com-10-0004', assessedOn: '2024-11-15', tier: 'type_3' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf_failed');
  });

  it('refuses a write from another site even with a valid token, and a sign-in from one', async () => {
    api.setNow(FIXED_NOW);
    const body = { unitId: 'com-10-0004', assessedOn: '2024-11-16', tier: 'type_3' };
    const write = (headers: Record<string, string>) =>
      api.call('POST', '/api/assessments', { as: 'commander', body, headers });
    const evil = await write({ origin: 'https://evil.example' });
    expect([evil.status, evil.body.error.code]).toEqual([403, 'cross_site']);
    const fetchSite = await write({ 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    const same = await write({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    const login = await api.raw('POST', '/api/auth/login', {
      body: { username: 't.planner', password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(login.status).toBe(403);
  });

  it('answers 415 to a body that is not JSON, 400 to broken JSON, 413 to a huge body', async () => {
    const s = await api.login('t.commander');
    const h = { 'x-csrf-token': s.csrf };
    const plain = await api.raw('POST', '/api/assessments', {
      cookie: s.cookie,
      headers: { ...h, 'content-type': 'text/plain' },
      body: 'tier=type_1',
    });
    expect(plain.status).toBe(415);
    const broken = await api.raw('POST', '/api/assessments', {
      cookie: s.cookie,
      headers: h,
      body: '{"unitId":',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBeDefined();
    const huge = await api.raw('POST', '/api/assessments', {
      cookie: s.cookie,
      headers: h,
      body: JSON.stringify({ note: 'x'.repeat(70_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('limits login attempts per client', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await api.login('t.nobody', 'whatever-123')).status;
    expect(last).toBe(429);
    const limited = await t.db.select().from(auditLog).where(eq(auditLog.detail, 'rate limited'));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it("keeps a client's count for one minute in the database: Retry-After is what is left of it", async () => {
    const ip = '10.9.9.9';
    const start = at(3000);
    api.setNow(start);
    const tries: number[] = [];
    for (let i = 0; i < 10; i++)
      tries.push((await api.login('t.commander', PASSWORD, { ip })).status);
    expect(tries.every((s) => s === 200)).toBe(true);
    api.setNow(new Date(start.getTime() + 20_000));
    const limited = await api.login('t.commander', PASSWORD, { ip });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '40']);
    const row = await t.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:${ip}`));
    expect([row[0]?.hits, row[0]?.windowStart.toISOString()]).toEqual([11, start.toISOString()]);
    // Another client is not counted with it; a new minute lets this one in again.
    expect((await api.login('t.commander', PASSWORD, { ip: '10.9.9.10' })).status).toBe(200);
    api.setNow(new Date(start.getTime() + 60_000));
    expect((await api.login('t.commander', PASSWORD, { ip })).status).toBe(200);
  });

  it('sends the security headers on every route, and nothing of the API a shared cache may keep', async () => {
    const paths = [
      ...ROUTE_POLICY.filter((r) => r.method === 'GET').map((r) => r.path.replace(':id', 'x')),
      '/api/health',
      '/api/nope',
      '/',
    ];
    for (const path of paths) {
      const r = await api.get(path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      // JSON reads are `private` (revalidated, or kept under a version); pages, files, errors and
      // sign-in are `no-store`. Nothing is ever `public`.
      const json = (r.headers.get('content-type') ?? '').startsWith('application/json');
      if (path.startsWith('/api'))
        expect(r.headers.get('cache-control'), path).toMatch(
          r.status === 200 && json && path !== '/api/auth/me' ? /^private, / : /^no-store$/,
        );
    }
  });

  it('sends HSTS for one year behind TLS, and on every answer when the HSTS setting is on', async () => {
    const r = await api.raw('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers.get('strict-transport-security')).toContain('max-age=31536000');
    const plain = await api.raw('GET', '/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const configured = createApp({
      db: t.db,
      engine: t.engine,
      clock: () => FIXED_NOW,
      basemapJson: '{}',
      meta: {},
      hsts: true,
    });
    const res = await configured.request('/api/health');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });

  it('never shows a stack trace', async () => {
    api.setNow(at(2000)); // past the login rate-limit window of the test above
    const r = await api.raw('POST', '/api/auth/login', { body: '{"username": [' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});
