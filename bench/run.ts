/**
 * The performance harness (README "Performance"). Records the machine, runs each measurement interleaved with its
 * anchor at least three times, prints every figure next to its goal from goals.json and writes a Markdown report
 * (and the same as JSON).
 *
 *   npx -y pnpm@10 bench:all                 # full sizes; writes bench/reports/last.md
 *   npx -y pnpm@10 bench:smoke               # tiny sizes (CI): checks every figure is produced, not how fast
 *   … -- --only answers,start --runs 5 --seconds 10 --mix-seconds 300 --out DIR
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, type Machine } from './lib/machine.ts';
import { answers } from './measures/answers.ts';
import { loadMix } from './measures/load-mix.ts';
import { start } from './measures/start.ts';

export interface Options {
  runs: number;
  /** Length of each throughput run. */
  seconds: number;
  /** Length of each load-mix run (the goal is stated for 5 minutes). */
  mixSeconds: number;
}
export interface Figure {
  key: string;
  value: number;
  detail: string;
}
interface Goal {
  label: string;
  op: '>=' | '<=' | '<' | 'info';
  value: number | null;
  unit: string;
  built?: boolean;
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const GOALS: Record<string, Goal> = JSON.parse(
  readFileSync(join(here, 'goals.json'), 'utf8'),
);
export const MEASURES = { answers, start, loadMix } as const;

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    seconds: { type: 'string' },
    'mix-seconds': { type: 'string' },
    out: { type: 'string' },
  },
});
const smoke = values.smoke!;
const options: Options = {
  runs: Math.max(3, Number(values.runs ?? 3)),
  seconds: Number(values.seconds ?? (smoke ? 1 : 10)),
  mixSeconds: Number(values['mix-seconds'] ?? (smoke ? 1 : 300)),
};
const out = values.out ?? join(here, smoke ? '../var/bench-smoke' : 'reports');
const chosen = (values.only?.split(',') ?? Object.keys(MEASURES)) as (keyof typeof MEASURES)[];

const met = (g: Goal, v: number) =>
  g.op === 'info' || g.value === null
    ? null
    : g.op === '>='
      ? v >= g.value
      : g.op === '<='
        ? v <= g.value
        : v < g.value;
const fmt = (v: number, unit: string) =>
  `${unit === '×' ? v.toFixed(3) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)}${unit ? ` ${unit}` : ''}`;

const m: Machine = machine();
console.log(
  `bench ${smoke ? '(smoke) ' : ''}on ${m.cpu} ×${m.cores}, ${m.memoryGb} GB, load ${m.load}, ${m.node}, ${m.nginx}`,
);
const figures: Figure[] = [];
const failures: string[] = [];
for (const name of chosen) {
  const measure = MEASURES[name];
  if (!measure)
    throw new Error(`--only: no measurement "${name}" (${Object.keys(MEASURES).join(', ')})`);
  console.log(`— ${name}…`);
  try {
    for (const f of await measure(options)) {
      figures.push(f);
      const g = GOALS[f.key]!;
      const ok = met(g, f.value);
      console.log(
        `  ${g.label}: ${fmt(f.value, g.unit)} (goal ${g.op} ${g.value ?? '—'}) ${ok === null ? '' : ok ? 'met' : 'NOT met'}\n    ${f.detail}`,
      );
    }
  } catch (e) {
    failures.push(`${name}: ${(e as Error).message}`);
    console.error(`  ${name} failed: ${(e as Error).message}`);
  }
}

const rows = Object.entries(GOALS).map(([key, g]) => {
  const f = figures.find((x) => x.key === key);
  const goal = g.op === 'info' ? '—' : `${g.op} ${g.value} ${g.unit}`.trim();
  if (!f) {
    const why = g.built === false ? 'not built yet (issue 16)' : 'not measured in this run';
    return `| ${g.label} | — | ${goal} | ${why} |`;
  }
  const ok = met(g, f.value);
  return `| ${g.label} | ${fmt(f.value, g.unit)} | ${goal} | ${ok === null ? '' : ok ? 'met' : '**not met**'} — ${f.detail} |`;
});
const report = `# Performance report${smoke ? ' (smoke: tiny sizes, figures not meaningful)' : ''}

Measured ${m.when} at commit ${m.commit}: ${m.cpu} ×${m.cores}, ${m.memoryGb} GB (${m.freeGb} GB free), load ${m.load};
${m.os}; Node ${m.node}; ${m.nginx}; ${m.postgres}.
Each measurement ran ${options.runs} times interleaved with its anchor (throughput runs ${options.seconds} s, load-mix
runs ${options.mixSeconds} s); each figure is the median. Ratios are against the anchor measured in the same run.

| figure | value | goal | met? — how |
|---|---|---|---|
${rows.join('\n')}
${failures.length ? `\nFailed measurements:\n${failures.map((f) => `- ${f}`).join('\n')}\n` : ''}`;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'last.md'), report);
writeFileSync(
  join(out, 'last.json'),
  JSON.stringify({ machine: m, options, figures, failures }, null, 2),
);
console.log(`report: ${join(out, 'last.md')}`);
process.exit(failures.length ? 1 : 0);
