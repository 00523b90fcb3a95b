/** The health check's one query: the database answers. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';

export async function databaseAnswers(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
