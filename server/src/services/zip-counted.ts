/**
 * A zip unpacked in memory with what it unpacks to counted while it is unpacked (fflate's streaming
 * inflater, fed a kilobyte at a time), so a bomb stops at the limit instead of filling memory. The sizes a
 * zip declares are not trusted: a bomb lies about them. The central directory must list exactly the
 * entries walked, so an entry hidden inside another's data is refused.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { ApiError } from '../errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  /** The entries whose bytes are kept (the others are counted and dropped). */
  keep: (name: string) => boolean;
  /** A 4xx for the problem (`entries`, `unpacked`, `damaged`, `directory`) in the caller's words. */
  refuse: (problem: 'entries' | 'unpacked' | 'damaged' | 'directory', name?: string) => ApiError;
  /** Refuses an entry by its name before it is unpacked (macros in a workbook): the message, or null. */
  forbidden?: (name: string) => ApiError | null;
}

const STEP = 1024;

/** The names the central directory lists, read without unpacking anything. */
function directoryNames(bytes: Uint8Array, limits: ZipLimits): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    throw limits.refuse('damaged');
  }
  return names;
}

/** Every entry's name, and the bytes of those `keep` asks for. */
export function unzipCounted(
  bytes: Uint8Array,
  limits: ZipLimits,
): { names: string[]; files: Map<string, Uint8Array> } {
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let problem: ApiError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (problem) return;
    names.push(file.name);
    if (names.length > limits.maxEntries) {
      problem = limits.refuse('entries');
      return;
    }
    problem = limits.forbidden?.(file.name) ?? null;
    if (problem) return;
    const keep = limits.keep(file.name);
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (problem) return;
      if (err) {
        problem = limits.refuse('damaged', file.name);
        return;
      }
      total += data.length;
      if (total > limits.maxUnpackedBytes) {
        problem = limits.refuse('unpacked', file.name);
        file.terminate();
        return;
      }
      if (keep) {
        chunks.push(data);
        if (final) files.set(file.name, Buffer.concat(chunks));
      }
    };
    file.start();
  };
  try {
    // Fed a kilobyte at a time, the inflater's output per step stays near a megabyte even at deflate's
    // highest ratio (about 1 : 1000), so the count stops a bomb before it takes memory.
    for (let at = 0; at < bytes.length && !problem; at += STEP)
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch {
    problem ??= limits.refuse('damaged');
  }
  if (problem) throw problem;
  const listed = directoryNames(bytes, limits);
  const walked = new Set(names);
  if (listed.length !== names.length || listed.some((n) => !walked.has(n)))
    throw limits.refuse('directory');
  return { names, files };
}
