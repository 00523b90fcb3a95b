/** The start path: a second server on the same embedded directory stops at once; SIGTERM closes cleanly. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoUsers, freePort, runServerToExit, startServer } from '../support/server-process.ts';

describe('server start and stop', () => {
  it('refuses a second server on the same PGlite directory, then closes on SIGTERM', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pcmt-start-')), 'db');
    const first = await startServer({ DATABASE_URL: `file://${dir}` });
    const second = await runServerToExit({
      DATABASE_URL: `file://${dir}`,
      PORT: String(await freePort()),
    });
    expect(second.code).toBe(1);
    expect(second.output).toContain('is in use by another server');
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dir, 'pcmt-server.lock'))).toBe(false);
    const health = await startServer({ DATABASE_URL: `file://${dir}` });
    const body = (await (await fetch(`${health.url}/api/health`)).json()) as { engine: string };
    expect(body.engine).toBe('pglite');
    expect(health.output()).not.toContain('loading the demo data');
    await health.stop();
  });

  it('drains a request in flight on SIGTERM: it is answered in full, then the server exits', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pcmt-drain-')), 'db');
    const server = await startServer({ DATABASE_URL: `file://${dir}` });
    const password = demoUsers(server.output())['chihuy.laocai']!;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chihuy.laocai', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    // The final Word report of a campaign takes a while to build: SIGTERM arrives while it does.
    const report = fetch(`${server.url}/api/campaigns/lc-2024-peak/report?kind=final&format=docx`, {
      headers: { cookie },
    });
    await new Promise((r) => setTimeout(r, 30));
    server.process.kill('SIGTERM');
    const res = await report;
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(await server.exited).toBe(0);
  });

  it('names every bad setting and exits', async () => {
    const r = await runServerToExit({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/PORT/);
    expect(r.output).toMatch(/DATABASE_URL/);
  });
});

describe('account commands', () => {
  it('creates the first admin and resets a password from the command line; the admin can sign in', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = join(mkdtempSync(join(tmpdir(), 'pcmt-cli-')), 'db');
    const cli = (args: string[], password: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/users.ts', ...args], {
        cwd: new URL('../../server', import.meta.url).pathname,
        env: { ...process.env, DATABASE_URL: `file://${dir}` },
        input: `${password}\n`,
        encoding: 'utf8',
      });
    const weak = cli(['create-admin', '--username', 'quantri.tinh'], 'password');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password');
    const made = cli(
      ['create-admin', '--username', 'quantri.tinh', '--province', 'lao-cai'],
      'Quan-tri-Lao-Cai-2026',
    );
    expect(made.status, made.stderr).toBe(0);
    const reset = cli(['reset-password', '--username', 'quantri.tinh'], 'Mat-khau-moi-2026!');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout + reset.stderr).not.toContain('Mat-khau-moi-2026!');
    const server = await startServer({ DATABASE_URL: `file://${dir}` });
    const login = async (password: string) =>
      (
        await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'quantri.tinh', password }),
        })
      ).status;
    expect(await login('Quan-tri-Lao-Cai-2026')).toBe(401);
    expect(await login('Mat-khau-moi-2026!')).toBe(200);
    await server.stop();

    // Boundaries from the command line, on the database the server just seeded: previewed, then written;
    // a list whose file holds none of the province's units is refused, naming the problem.
    const { writeFileSync } = await import('node:fs');
    const real = new URL(
      '../../../shared/data/real/communes-2025-laichau-fullres.geojson',
      import.meta.url,
    ).pathname;
    const list = (province: string) => {
      const path = join(dir, `..`, `${province}.json`);
      writeFileSync(path, JSON.stringify([{ file: real, province, validFrom: '2025-07-01' }]));
      return path;
    };
    const boundaries = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/boundaries.ts', ...args], {
        cwd: new URL('../../server', import.meta.url).pathname,
        env: { ...process.env, DATABASE_URL: `file://${dir}` },
        encoding: 'utf8',
      });
    const preview = boundaries(['import', list('lai-chau')]);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /lai-chau commune replace 2025-07-01: .* 9 matched, 29 added, 29 retired/,
    );
    expect(preview.stdout).toContain('previewed only');
    const written = boundaries(['import', list('lai-chau'), '--commit']);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toContain('written');
    const again = boundaries(['import', list('lai-chau')]);
    expect(again.stdout).toMatch(/38 matched, 0 added, 0 retired/);
    const wrong = boundaries(['import', list('son-la')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/no feature has the province code 14/);
  });
});
