/**
 * HTTP caching and compression of the API, as a browser on a slow link meets them: ETags and 304s for reads,
 * the versioned basemap kept a year, per-user answers never public, sign-in and writes never stored,
 * and brotli or gzip on the wire.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

describe(`HTTP caching (${process.env.DB_ENGINE})`, () => {
  it('gives a read an ETag and answers 304 without a body when nothing changed', async () => {
    const path = '/api/units?province=lao-cai&level=commune&asOf=2025-07-01';
    const first = await api.get(path, 'commander');
    expect(first.status).toBe(200);
    const tag = first.headers.get('ETag');
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
    const again = await api.call('GET', path, {
      as: 'commander',
      headers: { 'If-None-Match': tag! },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('ETag')).toBe(tag);
    expect(again.headers.get('Content-Type')).toBeNull();
    // Another tag (another era's answer) gets the whole body.
    const other = await api.call('GET', path, {
      as: 'commander',
      headers: { 'If-None-Match': 'W/"something-else"' },
    });
    expect(other.status).toBe(200);
    expect(other.body.features.length).toBeGreaterThan(0);
  });

  it('changes the ETag when the data changes', async () => {
    const before = await api.get('/api/hotspots?province=lao-cai', 'commander');
    const created = await api.call('POST', '/api/hotspots', {
      as: 'commander',
      body: { kind: 'complex_point', identifiedOn: '2026-11-01', lng: 103.97, lat: 22.48 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('Cache-Control')).toBe('no-store');
    const after = await api.call('GET', '/api/hotspots?province=lao-cai', {
      as: 'commander',
      headers: { 'If-None-Match': before.headers.get('ETag')! },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
  });

  it('keeps the versioned basemap a year and revalidates the unversioned one', async () => {
    const me = await api.get('/api/auth/me', 'border');
    const v = me.body.basemapVersion as string;
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    const versioned = await api.get(`/api/basemap?v=${v}`, 'border');
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(versioned.body.type).toBe('FeatureCollection');
    const bare = await api.get('/api/basemap', 'border');
    expect(bare.headers.get('Cache-Control')).toBe('private, no-cache');
    const stale = await api.get('/api/basemap?v=0000000000000000', 'border');
    expect(stale.headers.get('Cache-Control')).toBe('private, no-cache');
    const again = await api.call('GET', `/api/basemap?v=${v}`, {
      as: 'border',
      headers: { 'If-None-Match': versioned.headers.get('ETag')! },
    });
    expect(again.status).toBe(304);
    // The 304 repeats the year: the browser copies its headers onto what it kept.
    expect(again.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
  });

  it('keeps a past day’s units a year under the province’s version, and gives a new version after a write', async () => {
    const provinces = async () =>
      (await api.get('/api/provinces', 'commander')).body as {
        id: string;
        slug: string;
        validFrom: string;
        unitsVersion: string;
      }[];
    const era = (await provinces()).find(
      (p) => p.slug === 'lao-cai' && p.validFrom < '2025-07-01',
    )!;
    expect(era.unitsVersion).toMatch(/^[0-9a-f]{12}$/);
    const units = (v: string, asOf = era.validFrom) =>
      api.get(`/api/units?province=lao-cai&level=commune&asOf=${asOf}&v=${v}`, 'commander');
    const kept = await units(era.unitsVersion);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect((await units('000000000000')).headers.get('Cache-Control')).toBe('private, no-cache');
    // Today's answer may still change today: asked for again.
    expect((await units(era.unitsVersion, '2026-11-22')).headers.get('Cache-Control')).toBe(
      'private, no-cache',
    );
    const sonLaBefore = (await api.get('/api/provinces', 'national')).body.find(
      (p: any) => p.slug === 'son-la',
    ).unitsVersion;
    const recorded = await api.call('POST', '/api/assessments', {
      as: 'commander',
      body: { unitId: 'com-10-0004', assessedOn: '2024-11-20', tier: 'has_activity' },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const after = (await provinces()).find((p) => p.id === era.id)!;
    expect(after.unitsVersion).not.toBe(era.unitsVersion);
    // The old version names an answer that is no longer the data's: not kept.
    expect((await units(era.unitsVersion)).headers.get('Cache-Control')).toBe('private, no-cache');
    // Another province's version is untouched.
    const sonLa = (list: any[]) => list.find((p) => p.slug === 'son-la').unitsVersion;
    expect(sonLa((await api.get('/api/provinces', 'national')).body)).toBe(sonLaBefore);
  });

  it('never lets a shared cache keep an answer, nor any cache keep sign-in or errors', async () => {
    for (const path of ['/api/provinces', '/api/crossings', '/api/borders', '/api/meta']) {
      const r = await api.get(path, 'commander');
      expect(r.status, path).toBe(200);
      expect(r.headers.get('Cache-Control'), path).toMatch(/^private, /);
    }
    const me = await api.get('/api/auth/me', 'commander');
    expect(me.headers.get('Cache-Control')).toBe('no-store');
    const login = await api.login('t.commander');
    expect(login.headers.get('Cache-Control')).toBe('no-store');
    const denied = await api.raw('GET', '/api/provinces');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('Cache-Control')).toBe('no-store');
    const bad = await api.get('/api/units?province=lao-cai&level=hamlet', 'commander');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Cache-Control')).toBe('no-store');
    const out = await api.get('/api/units?province=son-la&level=district', 'commander');
    expect(out.status).toBe(404);
    expect(out.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe(`compression (${process.env.DB_ENGINE})`, () => {
  async function fetchRaw(path: string, encoding: string) {
    const login = await api.login('t.commander');
    const res = await api.app.request(path, {
      headers: { cookie: login.cookie, 'Accept-Encoding': encoding },
    });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  it('gzips JSON answers for a browser that accepts gzip', async () => {
    const { res, bytes } = await fetchRaw(
      '/api/units?province=lao-cai&level=commune&asOf=2025-07-01',
      'gzip, deflate',
    );
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const json = gunzipSync(bytes);
    expect(JSON.parse(json.toString('utf8')).features.length).toBeGreaterThan(50);
    expect(bytes.length).toBeLessThan(json.length / 3);
  });

  it('serves the basemap precompressed with brotli, and plain to a client without it', async () => {
    const { res, bytes } = await fetchRaw('/api/basemap', 'gzip, deflate, br');
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toContain('Accept-Encoding');
    const json = brotliDecompressSync(bytes);
    expect(JSON.parse(json.toString('utf8')).type).toBe('FeatureCollection');
    expect(bytes.length).toBeLessThan(json.length / 4);
    const plain = await fetchRaw('/api/basemap', 'identity');
    expect(plain.res.headers.get('Content-Encoding')).toBeNull();
    expect(plain.bytes.equals(json)).toBe(true);
  });
});

describe('static files', () => {
  it('keeps hashed assets a year, sends their .br as it is, and asks again for the page', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { brotliCompressSync } = await import('node:zlib');
    const { createApp } = await import('@pcmt/server/app');
    // Under the repository, as web/dist is: the server serves a root relative to its working directory.
    mkdirSync(join(import.meta.dirname, '..', '..', 'var'), { recursive: true });
    const dir = mkdtempSync(join(import.meta.dirname, '..', '..', 'var', 'static-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
      const js = 'console.log("x");'.repeat(200);
      writeFileSync(join(dir, 'assets', 'index-Ab3_x9Zq.js'), js);
      writeFileSync(join(dir, 'assets', 'index-Ab3_x9Zq.js.br'), brotliCompressSync(js));
      writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      const app = createApp({
        db: t.db,
        engine: t.engine,
        clock: () => new Date(),
        basemapJson: '{}',
        meta: {},
        staticDir: dir,
      } as never);
      const asset = await app.request('/assets/index-Ab3_x9Zq.js', {
        headers: { 'Accept-Encoding': 'br, gzip' },
      });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('Content-Encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await asset.arrayBuffer())).toString()).toBe(js);
      for (const path of ['/', '/favicon.svg', '/some/screen']) {
        const r = await app.request(path);
        expect(r.status, path).toBe(200);
        expect(r.headers.get('Cache-Control'), path).toBe('no-cache');
      }
      const icon = await app.request('/favicon.svg');
      expect(icon.headers.get('Content-Type')).toContain('image/svg+xml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
