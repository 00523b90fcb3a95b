/**
 * Re-runnable extraction of Thanh Hóa 2023's "4 rõ" table (seed 001, section III, tab-separated rows: STT, task,
 * target or time, lead agencies, co-ordinating agencies) into data/sources/th-2023-tasks.tsv, which the build reads.
 * A row with no number right after a repeated header continues the row cut by the page break before it.
 * Usage: pnpm --filter @pcmt/data extract:tasks (reads ../shared/seeds beside the repository).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = join(here, '..', '..', '..', 'shared', 'seeds', '001_1c0c733105fa7d7d.txt');
const OUT = join(here, '..', 'sources', 'th-2023-tasks.tsv');

const lines = readFileSync(SEED, 'utf8').split('\n');
const start = lines.findIndex((l) => l.startsWith('III. NHIỆM VỤ VÀ GIẢI PHÁP'));
const end = lines.findIndex((l, i) => i > start && l.startsWith('IV. '));
const rows: string[][] = [];
let section = '';
let afterHeader = false;
for (const line of lines.slice(start + 1, end)) {
  const f = line.split('\t').map((x) => x.trim());
  if (f.length < 5) continue;
  const [stt, task, target, lead, co] = f as [string, string, string, string, string];
  if (stt === 'STT') {
    afterHeader = true;
    continue;
  }
  if (stt === '' && afterHeader && rows.length) {
    const last = rows.at(-1)!;
    [task, target, lead, co].forEach((x, i) => {
      if (x) last[i + 1] = `${last[i + 1]} ${x}`.replace(/\s+/g, ' ').trim();
    });
  } else if (/^\d+$/.test(stt) && !target && !lead) section = task;
  else rows.push([section, task, target, lead, co]);
  afterHeader = false;
}
writeFileSync(
  OUT,
  ['section\ttask\ttarget\tlead\tco', ...rows.map((r) => r.join('\t'))].join('\n') + '\n',
);
console.log(`${rows.length} tasks → ${OUT}`);
