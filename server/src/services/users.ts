/** Accounts: created by an admin, the CLI or the demo start; never with a known default password. */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Role } from '@pcmt/shared/policy';
import type { Db } from '../db/create-db.ts';
import { sessions, users, trustedDevices } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  provinceSlug: string | null;
  agencyId: string | null;
  title?: string;
}

export const publicUser = (u: typeof users.$inferSelect) => {
  const { passwordHash: _p, ...rest } = u;
  return rest;
};

export async function createUser(db: Pick<Db, 'select' | 'insert'>, u: NewUser) {
  const problem = passwordProblem(u.password, u.username);
  if (problem) throw new ApiError(422, 'validation_failed', `password: ${problem}`, 'password');
  const [exists] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, u.username));
  if (exists) throw new ApiError(409, 'conflict', `username: ${u.username} is taken`, 'username');
  const [row] = await db
    .insert(users)
    .values({
      id: randomUUID(),
      username: u.username,
      passwordHash: await hashPassword(u.password),
      role: u.role,
      provinceSlug: u.provinceSlug,
      agencyId: u.agencyId,
      title: u.title ?? '',
    })
    .returning();
  return publicUser(row!);
}

export async function setPassword(db: Db, username: string, password: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw new ApiError(422, 'validation_failed', `password: ${problem}`, 'password');
  const [row] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      lockedAt: null,
      lockedUntil: null,
      lockStreak: 0,
      unlockedAt: new Date(),
    })
    .where(eq(users.username, username))
    .returning();
  if (!row) throw new ApiError(404, 'not_found', `user ${username} not found`, 'username');
  await db.delete(sessions).where(eq(sessions.userId, row.id));
  // A new password ends the trust of every browser: a stolen device cookie no longer passes the lock.
  await db.delete(trustedDevices).where(eq(trustedDevices.userId, row.id));
  return publicUser(row);
}

export async function listUsers(db: Db, provinceSlug: string | null) {
  const rows = await db
    .select()
    .from(users)
    .where(provinceSlug ? eq(users.provinceSlug, provinceSlug) : undefined)
    .orderBy(asc(users.username));
  return rows.map(publicUser);
}
