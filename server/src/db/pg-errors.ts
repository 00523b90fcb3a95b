/** PostgreSQL error codes as both drivers report them (on the error, or on the `cause` Drizzle wraps). */
function pgCode(e: unknown): string | undefined {
  let x = e as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; x && i < 4; i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x.code;
    x = x.cause as typeof x;
  }
  return undefined;
}

/** True for a unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown) => pgCode(e) === '23505';
