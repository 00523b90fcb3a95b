import type { SessionUser } from '../auth/sessions.ts';

/** Per-request variables every router sees. */
export interface AppEnv {
  Variables: { user: SessionUser; clientIp: string | null };
}
