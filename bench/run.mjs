/**
 * `npm run bench [-- <corpus-root> …]`: times the real CLI, from process
 * start, resolving every config of generated corpora of growing size (and of
 * any real corpora named on the command line), and prints files/s and peak
 * memory. Linear cost shows as a steady files/s across sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = resolve(here, '..', 'bin', 'mmseg-migrate.js');
const rssHook = resolve(here, 'rss.mjs');

function measure(label, dir) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', rssHook, cli, 'resolve', dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/bench-max-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const summary = /(\d+) configs resolved(?:, (\d+) with errors)?/.exec(run.stdout);
  if (!summary) {
    console.error(run.stdout.slice(-2000), run.stderr.slice(-2000));
    throw new Error(`${label}: the CLI printed no summary (exit ${run.status})`);
  }
  const files = Number(summary[1]);
  const row = {
    corpus: label,
    configs: files,
    errors: Number(summary[2] ?? 0),
    'wall ms': Math.round(ms),
    'files/s': Math.round((files / ms) * 1000),
    'µs/file': Math.round((ms * 1000) / files),
    'peak MB': Math.round(rss),
  };
  return row;
}

const rows = [];
for (const size of [1000, 5000, 10000]) {
  const root = mkdtempSync(join(tmpdir(), 'mmseg-bench-'));
  try {
    writeCorpus(root, size);
    rows.push(measure(`generated ${size}`, join(root, 'configs')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
for (const real of process.argv.slice(2)) rows.push(measure(real, resolve(real)));
console.table(rows);
