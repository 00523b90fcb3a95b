/**
 * Two database roles on PostgreSQL (README "Database roles"): migrations run as the owner of the tables
 * (MIGRATION_DATABASE_URL), the app runs as a role that may read and write the working tables but only INSERT and
 * SELECT on `audit_log`. Not owning the table, it cannot disable the append-only trigger; not a superuser, it cannot
 * set session_replication_role.
 */
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db } from './create-db.ts';

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Grants the app role what it needs after a migration, run as the owner; idempotent, so run at every start. */
export async function grantAppRole(owner: postgres.Sql, appRole: string): Promise<void> {
  const app = ident(appRole);
  await owner.begin(async (tx) => {
    await tx.unsafe(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await tx.unsafe(`GRANT USAGE ON SCHEMA drizzle TO ${app}`);
    await tx.unsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${app}`);
    await tx.unsafe(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    );
    await tx.unsafe(
      `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${app}`,
    );
    await tx.unsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  });
}

export interface AuditGuard {
  /** 'role': the app's role can neither change audit rows nor switch the trigger off; 'trigger': only the trigger holds. */
  level: 'role' | 'trigger';
  role: string;
  why: string;
}

/** What stands between the app's own connection and a changed audit row. */
export async function auditGuard(db: Db): Promise<AuditGuard> {
  const result = (await db.execute(sql`
    select current_user as role,
           (select rolsuper from pg_roles where rolname = current_user) as superuser,
           pg_has_role(current_user, (select tableowner from pg_tables where tablename = 'audit_log' and schemaname = 'public'), 'USAGE') as owner,
           has_table_privilege('audit_log', 'UPDATE') as can_update,
           has_table_privilege('audit_log', 'DELETE') as can_delete,
           has_table_privilege('audit_log', 'TRUNCATE') as can_truncate`)) as unknown as
    { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const row = (Array.isArray(result) ? result[0] : result.rows[0])!;
  const role = String(row.role);
  if (row.superuser) return { level: 'trigger', role, why: 'the app connects as a superuser' };
  if (row.owner)
    return { level: 'trigger', role, why: 'the app connects as the owner of audit_log' };
  if (row.can_update || row.can_delete || row.can_truncate)
    return { level: 'trigger', role, why: 'the app role may UPDATE, DELETE or TRUNCATE audit_log' };
  return { level: 'role', role, why: 'the app role may only INSERT and SELECT on audit_log' };
}
