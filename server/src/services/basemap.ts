/**
 * The basemap (neighbouring countries, Vietnam's provinces of both eras, the archipelagos) is one file of the
 * build that never changes while the server runs: it is hashed and compressed once, on first use, and served
 * as it is to every request (brotli or gzip, as the browser accepts). Brotli at its highest quality (85 KB where
 * quality 9 gives 124 KB: a third less on a slow link) takes about a second, so it runs off the event loop, begun
 * when the server starts (`app.ts`) and awaited by the first request that needs it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import type { AppDeps } from '../deps.ts';

export interface BasemapFile {
  version: string;
  json: string;
  /** Null if brotli failed: gzip is sent instead. */
  br: Promise<Buffer | null>;
  gzip: Buffer;
}

/** By content: every app of a process (the tests make many) shares one compression of the one basemap. */
const files = new Map<string, BasemapFile>();

export function basemapFile(deps: AppDeps): BasemapFile {
  const json = deps.basemapJson;
  let f = files.get(json);
  if (!f) {
    f = {
      version: createHash('sha256').update(json).digest('hex').slice(0, 16),
      json,
      br: promisify(brotliCompress)(json, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
        },
      }).catch(() => null),
      gzip: gzipSync(json, { level: 9 }),
    };
    files.set(json, f);
  }
  return f;
}
