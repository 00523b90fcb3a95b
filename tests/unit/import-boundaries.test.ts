import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkImports } from '../../scripts/check-imports.mjs';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pcmt-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import boundaries', () => {
  it('hold in this repository', () => {
    expect(checkImports(fileURLToPath(new URL('../..', import.meta.url)))).toEqual([]);
  });
  it.each([
    ['web/src/app/x.ts', "import { createApp } from '@pcmt/server/app';", 'only as a type'],
    [
      'web/src/features/a/x.tsx',
      "import { B } from '../b/b.tsx';",
      'features never import each other',
    ],
    [
      'web/src/map/x.ts',
      "import { L } from '../features/legend/legend.tsx';",
      'the map never imports features',
    ],
    ['shared/src/x.ts', "import { readFileSync } from 'node:fs';", 'shared imports nothing'],
    [
      'data/pipeline/x.ts',
      "import { createDb } from '@pcmt/server/db/create-db';",
      'data depends on shared only',
    ],
    ['server/src/x.ts', "import { h } from '../../tests/support/app.ts';", 'nothing imports tests'],
  ])('catches %s', (path, text, why) => {
    const problems: string[] = checkImports(tree({ [path]: text }));
    expect(problems.join('\n')).toContain(why);
  });
  it('allows a type-only import of the server in the web', () => {
    expect(
      checkImports(
        tree({ 'web/src/lib/api.ts': "import type { AppType } from '@pcmt/server/app';" }),
      ),
    ).toEqual([]);
  });
});
