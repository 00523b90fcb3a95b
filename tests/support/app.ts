/** The real app over a test database, with a fixed clock; `get` returns status and parsed JSON. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createApp } from '@pcmt/server/app';
import type { Db, Engine } from '@pcmt/server/db/create-db';

const require = createRequire(import.meta.url);
const basemapJson = readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8');

export const FIXED_NOW = new Date('2026-11-22T03:00:00Z');

export function testApp(db: Db, engine: Engine) {
  const app = createApp({ db, engine, clock: () => FIXED_NOW, basemapJson, meta: { test: true } });
  return {
    app,
    async get<T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
      const res = await app.request(path);
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : null) as T,
        headers: res.headers,
      };
    },
  };
}
