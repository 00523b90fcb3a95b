/** The PostgreSQL server the tests use; each run creates and drops its own databases there. */
export const adminUrl = () =>
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
