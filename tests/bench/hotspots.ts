/**
 * Benchmark: a province with a few thousand hotspots. Prints the API time for the hotspot layer and
 * the units layer, and the client-side derivation per date step (the web's `deriveView`, what the slider
 * and the play button run), each also as a ratio to an anchor measured in the same run: parsing the
 * hotspot payload with JSON.parse. Run: npx -y pnpm@10 bench [hotspots]
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createApp } from '@pcmt/server/app';
import { createDb } from '@pcmt/server/db/create-db';
import { hotspots } from '@pcmt/server/db/schema';
import { seedDemo } from '@pcmt/server/db/seed';
import { createUser } from '@pcmt/server/services/users';
import { deriveView } from '@pcmt/web/lib/view-model.ts';

const N = Number(process.argv[2] ?? 5000);
const require = createRequire(import.meta.url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const handle = await createDb('memory://');
await handle.migrate();
await seedDemo(handle.db);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const kinds = [
  'retail_point',
  'complex_point',
  'complex_cluster',
  'organised_use',
  'conditional_business',
  'illicit_crop',
];
const rows = Array.from({ length: N }, (_, i) => {
  const identified = new Date(Date.UTC(2023, 8, 1) + rnd() * 400 * 86400e3)
    .toISOString()
    .slice(0, 10);
  const eliminated =
    rnd() < 0.7
      ? new Date(Date.parse(identified) + rnd() * 120 * 86400e3).toISOString().slice(0, 10)
      : null;
  return {
    id: `bench-${i}`,
    kind: kinds[i % kinds.length]!,
    unitId: `com-10-${String(1 + (i % 151)).padStart(4, '0')}`,
    lng: 103.9 + rnd() * 0.5,
    lat: 22.2 + rnd() * 0.5,
    identifiedOn: identified,
    eliminatedOn: eliminated,
    reEmergedFromId: null,
    note: 'bench',
  };
});
for (let i = 0; i < rows.length; i += 500)
  await handle.db.insert(hotspots).values(rows.slice(i, i + 500));
await createUser(handle.db, {
  username: 'bench.admin',
  password: 'Bench-mark-2026!',
  role: 'admin',
  provinceSlug: null,
  agencyId: null,
});
const app = createApp({
  db: handle.db,
  engine: 'pglite',
  clock: () => new Date(),
  basemapJson: readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8'),
  meta: {},
});
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench.admin', password: 'Bench-mark-2026!' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

async function time(path: string, runs = 10) {
  const ms: number[] = [];
  let bytes = 0;
  let features = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { cookie } });
    const text = await res.text();
    ms.push(performance.now() - t0);
    bytes = text.length;
    features = (JSON.parse(text).features ?? []).length;
  }
  return { median: median(ms), bytes, features };
}

const h = await time('/api/hotspots?province=lao-cai&asOf=2024-12-14&since=2024-08-15');
const u = await time('/api/units?province=lao-cai&asOf=2024-12-14');
const get = async (path: string) =>
  JSON.parse(await (await app.request(path, { headers: { cookie } })).text());
const hotspotText = await (
  await app.request('/api/hotspots?province=lao-cai&asOf=2024-12-14&since=2024-08-15', {
    headers: { cookie },
  })
).text();
const parses: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  JSON.parse(hotspotText);
  parses.push(performance.now() - t0);
}
const fc = JSON.parse(hotspotText);
const campaign = (await get('/api/campaigns?province=lao-cai')).find(
  (c: any) => c.id === 'lc-2024-peak',
);
const detail = await get('/api/campaigns/lc-2024-peak');
const communes = await get('/api/units?province=lao-cai&level=commune&asOf=2024-12-14');
const assessments = await get('/api/assessments?province=lao-cai');
const records = fc.features.map((f: any) => f.properties);
const steps: number[] = [];
for (let w = 0; w < 18; w++) {
  const date = new Date(Date.UTC(2024, 7, 15) + w * 7 * 86400e3).toISOString().slice(0, 10);
  const t0 = performance.now();
  const v = deriveView({
    today: '2026-11-22',
    campaign,
    choice: { phaseId: null, date },
    communes: communes.features,
    assessments,
    hotspots: records,
    detail,
    focusId: null,
  });
  steps.push(performance.now() - t0);
  if (v.snapshot.hotspots.length < 0) console.log(v);
}
const anchor = median(parses);
console.log(`hotspots in the province: ${fc.features.length} (${N} added)`);
console.log(
  `GET /api/hotspots  median ${h.median.toFixed(1)} ms, ${(h.bytes / 1024).toFixed(0)} KB, ${h.features} features`,
);
console.log(
  `GET /api/units     median ${u.median.toFixed(1)} ms, ${(u.bytes / 1024).toFixed(0)} KB, ${u.features} features`,
);
console.log(`anchor: JSON.parse of the hotspot payload, median ${anchor.toFixed(2)} ms`);
console.log(
  `client derivation per date step: median ${median(steps).toFixed(2)} ms = ${(median(steps) / anchor).toFixed(2)}× the anchor, max ${Math.max(...steps).toFixed(2)} ms (18 weekly steps)`,
);
console.log(`GET /api/hotspots = ${(h.median / anchor).toFixed(1)}× the anchor`);
await handle.close();
