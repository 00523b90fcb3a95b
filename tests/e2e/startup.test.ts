/** The start path: a second server on the same embedded directory stops at once; SIGTERM closes cleanly. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runServerToExit, startServer } from '../support/server-process.ts';

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

  it('names every bad setting and exits', async () => {
    const r = await runServerToExit({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/PORT/);
    expect(r.output).toMatch(/DATABASE_URL/);
  });
});
