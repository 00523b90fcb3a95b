/** An exclusive lock on a PGlite data directory, so a second server cannot open and corrupt it. */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DirectoryLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DirectoryLockedError naming the holder; returns the release function. */
export function lockDirectory(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'pcmt-server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new DirectoryLockedError(
          `The database directory ${dir} is in use by another server (pid ${holder}). ` +
            'Stop that server first, or set DATABASE_URL to another directory.',
        );
      }
      rmSync(file, { force: true }); // stale lock left by a crashed process
    }
  }
  throw new DirectoryLockedError(`Could not lock ${dir}`);
}
