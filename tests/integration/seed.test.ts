import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmpty, seedDemo } from '@pcmt/server/db/seed';
import * as schema from '@pcmt/server/db/schema';
import { openTestDb, type TestDb } from '../support/test-db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe(`seeding (${process.env.DB_ENGINE})`, () => {
  it('loads every part of the demo data', async () => {
    expect(await isEmpty(t.db)).toBe(false);
    const [units] = await t.db.select({ n: count() }).from(schema.adminUnits);
    const [hotspots] = await t.db.select({ n: count() }).from(schema.hotspots);
    const [events] = await t.db.select({ n: count() }).from(schema.coordinationEvents);
    expect(units!.n).toBeGreaterThan(1500);
    expect(hotspots!.n).toBeGreaterThan(400);
    expect(events!.n).toBeGreaterThan(40);
  });

  it('is all or nothing: a second load fails and leaves the data as it was', async () => {
    const before = await t.db.select({ n: count() }).from(schema.hotspots);
    await expect(seedDemo(t.db)).rejects.toThrow();
    const after = await t.db.select({ n: count() }).from(schema.hotspots);
    expect(after).toEqual(before);
    const [crossings] = await t.db.select({ n: count() }).from(schema.borderCrossings);
    expect(crossings!.n).toBe(19);
  });
});
