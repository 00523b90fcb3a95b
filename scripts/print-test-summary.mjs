#!/usr/bin/env node
/** Prints Vitest's JSON report as one closing line: "N passed, N failed, N skipped". */
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'var/test-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(
  `${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
