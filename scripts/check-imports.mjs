#!/usr/bin/env node
/**
 * Import boundaries (CONVENTIONS.md): web → shared, server → shared (+ data's build outputs),
 * data → shared; web may import the server only as a type; features never import each other;
 * the map never imports features; shared imports nothing of ours and no Node built-ins;
 * nothing outside tests/ imports tests. Exits 1 listing every violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT =
  /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

function imports(text) {
  const found = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5];
    const typeOnly =
      Boolean(m[2]) || (/^\{\s*type\s/.test(m[3] ?? '') && !/,\s*(?!type\s)\w/.test(m[3] ?? ''));
    found.push({ spec, typeOnly });
  }
  return found;
}

const pkgOf = (rel) => rel.split(sep)[0];

export function checkImports(root) {
  const problems = [];
  for (const pkg of ['shared', 'server', 'data', 'web']) {
    let dir;
    try {
      dir = join(root, pkg);
      statSync(dir);
    } catch {
      continue;
    }
    for (const file of files(dir)) {
      const rel = relative(root, file);
      for (const { spec, typeOnly } of imports(readFileSync(file, 'utf8'))) {
        const bad = (why) => problems.push(`${rel}: imports '${spec}' (${why})`);
        const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : null;
        if (target && pkgOf(target) !== pkg) bad(`relative import leaves ${pkg}/`);
        if (spec.startsWith('@pcmt/tests') || target?.startsWith('tests'))
          bad('nothing imports tests');
        if (pkg === 'shared' && (spec.startsWith('@pcmt/') || spec.startsWith('node:')))
          bad('shared imports nothing of ours and no Node built-in');
        if (pkg === 'data' && (spec.startsWith('@pcmt/server') || spec.startsWith('@pcmt/web')))
          bad('data depends on shared only');
        if (pkg === 'server' && spec.startsWith('@pcmt/web')) bad('server never imports web');
        if (pkg === 'web') {
          if (spec.startsWith('@pcmt/server') && !typeOnly)
            bad('web may import the server only as a type');
          if (spec.startsWith('@pcmt/data')) bad('web gets data through the API');
          const here = rel.split(sep);
          if (target) {
            const there = target.split(sep);
            if (here[2] === 'features' && there[2] === 'features' && here[3] !== there[3])
              bad('features never import each other');
            if (here[2] === 'map' && there[2] === 'features') bad('the map never imports features');
          }
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkImports(root);
  if (problems.length) {
    console.error(`Import boundaries broken:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('import boundaries: ok');
}
