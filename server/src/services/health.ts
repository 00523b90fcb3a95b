/** The health check: whether the database answers, how fast, and how many migrations it has applied. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';

export async function databaseState(
  db: Db,
): Promise<{ up: boolean; latencyMs: number; migrations: number | null }> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    const rows = (await db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .catch(() => null)) as unknown as { rows?: { n: number }[] } | { n: number }[] | null;
    const list = Array.isArray(rows) ? rows : (rows?.rows ?? []);
    return {
      up: true,
      latencyMs: Math.round(performance.now() - started),
      migrations: list[0]?.n ?? null,
    };
  } catch {
    return { up: false, latencyMs: Math.round(performance.now() - started), migrations: null };
  }
}
