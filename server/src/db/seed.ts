/** Loads data/build/demo.json into an empty database, in one transaction (all or nothing). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { count } from 'drizzle-orm';
import { bboxOf, type Geometry } from '@pcmt/shared/geo';
import type { DemoData } from '@pcmt/shared/demo-data';
import type { Db } from './create-db.ts';
import { measureBorderDistances, seedBorderAlerts } from '../services/border-belt.ts';
import * as t from './schema.ts';

const require = createRequire(import.meta.url);

export function readDemo(): DemoData {
  return JSON.parse(
    readFileSync(require.resolve('@pcmt/data/build/demo.json'), 'utf8'),
  ) as DemoData;
}

const box = (g: Geometry) => {
  const [west, south, east, north] = bboxOf(g);
  return { west, south, east, north };
};

async function insertChunked<T>(
  tx: Pick<Db, 'insert'>,
  table: Parameters<Db['insert']>[0],
  rows: T[],
  size = 400,
) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}

/** True when the database holds no administrative unit yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(t.adminUnits);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, demo: DemoData = readDemo()): Promise<void> {
  await db.transaction(async (tx) => {
    await insertChunked(
      tx,
      t.adminUnits,
      demo.units.map((u) => ({ ...u, ...box(u.geometry) })),
      200,
    );
    await insertChunked(tx, t.unitCrosswalk, demo.crosswalk);
    await insertChunked(
      tx,
      t.borderLines,
      demo.borderLines.map((b) => ({ ...b, ...box(b.geometry) })),
    );
    await insertChunked(
      tx,
      t.keyRoutes,
      demo.keyRoutes.map((r) => ({ ...r, ...box(r.geometry) })),
    );
    await insertChunked(tx, t.agencies, demo.agencies);
    await insertChunked(
      tx,
      t.borderSectors,
      demo.borderSectors.map((b) => ({ ...b, ...box(b.geometry) })),
    );
    await insertChunked(tx, t.borderCrossings, demo.crossings);
    await insertChunked(tx, t.crossingSeizures, demo.seizures);
    await insertChunked(tx, t.tierAssessments, demo.assessments);
    await insertChunked(tx, t.hotspots, demo.hotspots);
    for (const c of demo.campaigns) {
      await tx.insert(t.campaigns).values({ ...c });
      await insertChunked(
        tx,
        t.phases,
        c.phases.map((p) => ({ ...p, campaignId: c.id })),
      );
      await insertChunked(
        tx,
        t.quotas,
        c.quotas.map(({ progress: _p, ...q }) => ({ ...q, campaignId: c.id })),
      );
      const entries = c.quotas.flatMap((q) =>
        q.progress.map((e, i) => ({ ...e, id: `${q.id}-e${i + 1}`, quotaId: q.id })),
      );
      await insertChunked(tx, t.progressEntries, entries);
      await insertChunked(
        tx,
        t.reportDeadlines,
        c.deadlines.map((d) => ({ ...d, campaignId: c.id })),
      );
      await insertChunked(
        tx,
        t.planTasks,
        // The table was issued with the programme: recorded on its first day, so a view of any of its days has it.
        (c.tasks ?? []).map((x) => ({
          ...x,
          campaignId: c.id,
          createdAt: new Date(`${c.startsOn}T00:00:00+07:00`),
        })),
      );
    }
    await insertChunked(
      tx,
      t.coordinationEvents,
      demo.events.map(({ followUps: _f, ...e }) => e),
    );
    await insertChunked(
      tx,
      t.eventFollowUps,
      demo.events.flatMap((e) =>
        e.followUps.map((f, i) => ({
          ...f,
          id: `${e.id}-f${i + 1}`,
          eventId: e.id,
          ordinal: i + 1,
        })),
      ),
    );
    await insertChunked(
      tx,
      t.transformationPlans,
      // A demo plan existed by its first check: recorded then, so a view of that day reads its checks.
      demo.plans.map(({ criteria, steps: _s, ...p }) => ({
        ...p,
        createdAt: new Date(
          `${criteria.map((c) => c.checkedOn).sort()[0] ?? '2020-01-01'}T00:00:00+07:00`,
        ),
      })),
    );
    // A plan's checks in order: the last of each criterion is its state, every one is its history.
    await insertChunked(
      tx,
      t.criteriaChecks,
      demo.plans.flatMap((p) => [
        ...new Map(p.criteria.map((c) => [c.criterion, { ...c, planId: p.id }])).values(),
      ]),
    );
    await insertChunked(
      tx,
      t.criteriaCheckHistory,
      demo.plans.flatMap((p) =>
        p.criteria.map((c) => ({ ...c, planId: p.id, recordedRole: 'planner' })),
      ),
    );
    await insertChunked(
      tx,
      t.recognitionSteps,
      demo.plans.flatMap((p) =>
        (p.steps ?? []).map((s) => ({
          ...s,
          id: `${p.id}-s${s.seq + 1}`,
          planId: p.id,
          recordedRole: s.step === 'proposed' ? 'planner' : 'commander',
        })),
      ),
    );
    await measureBorderDistances(tx);
    await seedBorderAlerts(tx);
  });
}
