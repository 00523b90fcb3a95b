import type { Db, Engine } from './db/create-db.ts';

/** Everything the app needs from outside; tests pass their own. */
export interface AppDeps {
  db: Db;
  engine: Engine;
  /** The current instant; tests pass a fixed one. */
  clock: () => Date;
  basemapJson: string;
  meta: unknown;
  staticDir?: string;
  /** Send Strict-Transport-Security on every answer (the HSTS setting), not only on requests seen as TLS. */
  hsts?: boolean;
  /** Behind a reverse proxy: the client is the last address of X-Forwarded-For (the TRUST_PROXY setting). */
  trustProxy?: boolean;
  /** Memory for kept answers (http/answer-cache.ts), in bytes; 0 keeps none. Default 32 MB. */
  answerCacheBytes?: number;
}
