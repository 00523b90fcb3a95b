/** Admin changes to accounts, audited; a province admin works only inside their province. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserInputSchema, UserPatchSchema } from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import { sessions, users, trustedDevices } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { checkRefs } from './references.ts';
import { provinceScope } from './scope.ts';
import { ApiError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { createUser, publicUser } from './users.ts';
import { updateVersioned } from './versioned.ts';

async function checkProvince(
  db: Db,
  now: Date,
  admin: SessionUser,
  slug: string | null | undefined,
  action: string,
  ip: string | null,
) {
  if (!admin.provinceSlug || slug === admin.provinceSlug) return;
  await audit(db, now, {
    actor: admin,
    action,
    objectType: 'user',
    outcome: 'denied',
    clientIp: ip,
    detail: `province ${slug} outside the admin's province`,
  });
  throw new ApiError(
    403,
    'forbidden',
    'provinceSlug: you manage only your own province',
    'provinceSlug',
  );
}

export async function adminCreateUser(
  db: Db,
  now: Date,
  admin: SessionUser,
  input: z.infer<typeof UserInputSchema>,
  ip: string | null,
) {
  await checkProvince(db, now, admin, input.provinceSlug, 'user.create', ip);
  await checkRefs(
    db,
    now,
    await provinceScope(db, admin),
    [{ field: 'agencyId', kind: 'agency', id: input.agencyId }],
    { action: 'user.create', clientIp: ip },
    input.provinceSlug,
  );
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    await audit(tx, now, {
      actor: admin,
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      changes: diff(null, user),
      outcome: 'ok',
      clientIp: ip,
    });
    return user;
  });
}

export async function adminUpdateUser(
  db: Db,
  now: Date,
  admin: SessionUser,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof UserPatchSchema>, 'version'>,
  ip: string | null,
) {
  const [target] = await db.select().from(users).where(eq(users.id, id));
  if (!target || (admin.provinceSlug && target.provinceSlug !== admin.provinceSlug)) {
    await audit(db, now, {
      actor: admin,
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      outcome: 'denied',
      clientIp: ip,
      detail: "user outside the admin's province",
    });
    throw new ApiError(404, 'not_found', `User ${id} not found`, 'id');
  }
  if (patch.provinceSlug !== undefined)
    await checkProvince(db, now, admin, patch.provinceSlug, 'user.update', ip);
  await checkRefs(
    db,
    now,
    await provinceScope(db, admin),
    [{ field: 'agencyId', kind: 'agency', id: patch.agencyId }],
    { action: 'user.update', clientIp: ip },
    patch.provinceSlug !== undefined ? patch.provinceSlug : target.provinceSlug,
  );
  const { unlock, password, ...fields } = patch;
  const values: Record<string, unknown> = { ...fields };
  if (unlock)
    Object.assign(values, { lockedAt: null, lockedUntil: null, lockStreak: 0, unlockedAt: now });
  if (password) {
    const problem = passwordProblem(password, target.username);
    if (problem) throw new ApiError(422, 'validation_failed', `password: ${problem}`, 'password');
    values.passwordHash = await hashPassword(password);
  }
  return db.transaction(async (tx) => {
    const { before, after } = await updateVersioned(tx, users, id, version, values, now);
    // Role, province or password changes end the user's sessions; they take effect at once.
    if (fields.role || fields.provinceSlug !== undefined || password)
      await tx.delete(sessions).where(eq(sessions.userId, id));
    // A new password ends the trust of every browser the user signed in on.
    if (password) await tx.delete(trustedDevices).where(eq(trustedDevices.userId, id));
    await audit(tx, now, {
      actor: admin,
      action: unlock ? 'user.unlock' : 'user.update',
      objectType: 'user',
      objectId: id,
      changes: diff(before, after),
      outcome: 'ok',
      clientIp: ip,
    });
    return publicUser(after as typeof users.$inferSelect);
  });
}
