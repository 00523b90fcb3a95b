/** What the figures were measured on: they are ratios, but a reader still wants to know the machine. */
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem, type, release } from 'node:os';

/** A command's first line of output (nginx prints its version on stderr), or "not installed". */
const tryRun = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return 'not installed';
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '';
};

export interface Machine {
  when: string;
  commit: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  freeGb: number;
  load: string;
  node: string;
  nginx: string;
  postgres: string;
}

export function machine(): Machine {
  const c = cpus();
  return {
    when: new Date().toISOString(),
    commit: tryRun('git', ['rev-parse', '--short', 'HEAD']),
    os: `${type()} ${release()}`,
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeGb: Math.round(freemem() / 2 ** 30),
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
    nginx: tryRun('/usr/sbin/nginx', ['-v']).replace('nginx version: ', ''),
    postgres: tryRun('psql', ['--version']),
  };
}
