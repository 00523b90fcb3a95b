/** PostgreSQL error codes as both drivers report them (on the error, or on the `cause` Drizzle wraps). */
function pgError(e: unknown): { code: string; detail?: string } | undefined {
  let x = e as { code?: unknown; cause?: unknown; detail?: unknown } | undefined;
  for (let i = 0; x && i < 4; i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code))
      return { code: x.code, detail: typeof x.detail === 'string' ? x.detail : undefined };
    x = x.cause as typeof x;
  }
  return undefined;
}
const pgCode = (e: unknown) => pgError(e)?.code;

/** True for a unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown) => pgCode(e) === '23505';

/** True for a foreign-key violation (SQLSTATE 23503): an id that points at nothing. */
export const isForeignKeyViolation = (e: unknown) => pgCode(e) === '23503';

/** The API field a constraint violation is about, from PostgreSQL's detail "Key (agency_id)=(…)". */
export function violatedField(e: unknown): string | undefined {
  const column = /Key \(([a-z_]+)/.exec(pgError(e)?.detail ?? '')?.[1];
  return column?.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
