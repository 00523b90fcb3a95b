/** The real server, started as the README starts it (tests/support/server-process.ts), and a signed-in client. */
import { readFileSync } from 'node:fs';
import { demoUsers, startServer, type RunningServer } from '../../tests/support/server-process.ts';

export { startServer, type RunningServer };

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(server: RunningServer, username = 'chihuy.laocai'): Promise<Session> {
  const password = demoUsers(server.output())[username];
  if (!password) throw new Error(`${username}: no demo password printed (was the database empty?)`);
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('__Host-pcmt_session='))!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
}
