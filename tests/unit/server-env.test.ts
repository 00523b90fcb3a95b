import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '@pcmt/server/env';
import { DirectoryLockedError, lockDirectory } from '@pcmt/server/db/lock';

describe('environment', () => {
  it('defaults to port 8080 and the embedded database', () => {
    const env = readEnv({});
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
  });
  it('reports every bad field at once', () => {
    expect(() => readEnv({ PORT: '99999', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL/,
    );
  });
});

describe('PGlite directory lock', () => {
  it('refuses a second holder while the first is alive', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcmt-lock-'));
    const release = lockDirectory(dir);
    expect(() => lockDirectory(dir)).toThrow(DirectoryLockedError);
    release();
    lockDirectory(dir)();
  });
  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcmt-lock-'));
    writeFileSync(join(dir, 'pcmt-server.lock'), '999999999');
    const release = lockDirectory(dir);
    expect(readFileSync(join(dir, 'pcmt-server.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
