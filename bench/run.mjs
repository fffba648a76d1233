/**
 * `npm run bench [-- <corpus-root> …]`: times the real CLI, from process
 * start, on generated corpora of the size of MMSegmentation 0.30 (720
 * configs) and ten times that, and on any real corpora named on the command
 * line: `resolve` (every config's `_base_` chain) and the full migration dry
 * run (scan, convert, emit, verify). Each is run `BENCH_RUNS` times (default
 * 5) cold, without the CLI's code cache, and as many times warm, from a
 * cache a first run wrote, alternately, and reported by its median. Prints
 * wall time, files/s and peak memory; linear cost shows as a steady µs/file
 * across sizes.
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
const runs = Number(process.env.BENCH_RUNS ?? 5);

const VERBS = {
  resolve: (dir) => ['resolve', dir],
  migrate: (dir) => [dir, '--json', '--fail-on', 'never'],
};

function once(label, verb, dir, env) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', rssHook, cli, ...VERBS[verb](dir)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/bench-max-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const configs = verb === 'resolve' ? resolvedCount(run) : migratedCount(run);
  if (configs === undefined) {
    console.error(run.stdout.slice(-2000), run.stderr.slice(-2000));
    throw new Error(`${label} ${verb}: the CLI printed no result (exit ${run.status})`);
  }
  return { ms, rss, configs };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function measure(label, verb, dir) {
  const cache = mkdtempSync(join(tmpdir(), 'mmseg-bench-cache-'));
  try {
    const coldEnv = { NODE_DISABLE_COMPILE_CACHE: '1' };
    const warmEnv = { MMSEG_MIGRATE_CACHE_DIR: cache, NODE_DISABLE_COMPILE_CACHE: '' };
    // The first warm run writes the cache. Cold and warm runs then alternate,
    // so a slow minute on a shared host weighs on both alike.
    once(label, verb, dir, warmEnv);
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      cold.push(once(label, verb, dir, coldEnv));
      warm.push(once(label, verb, dir, warmEnv));
    }
    const coldMs = median(cold.map((r) => r.ms));
    const warmMs = median(warm.map((r) => r.ms));
    const { configs } = cold[0];
    return {
      corpus: label,
      verb,
      configs,
      'cold ms': Math.round(coldMs),
      'warm ms': Math.round(warmMs),
      'best ms': Math.round(Math.min(...[...cold, ...warm].map((r) => r.ms))),
      'files/s': Math.round((configs / warmMs) * 1000),
      'µs/file': Math.round((warmMs * 1000) / configs),
      'peak MB': Math.round(Math.max(...[...cold, ...warm].map((r) => r.rss))),
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function resolvedCount(run) {
  const summary = /(\d+) configs resolved/.exec(run.stdout);
  return summary ? Number(summary[1]) : undefined;
}

function migratedCount(run) {
  try {
    const report = JSON.parse(run.stdout);
    return report.files.filter((f) => f.role === 'config' || f.role === 'base-config').length;
  } catch {
    return undefined;
  }
}

const rows = [];
for (const size of [720, 7200]) {
  const root = mkdtempSync(join(tmpdir(), 'mmseg-bench-'));
  try {
    writeCorpus(root, size);
    for (const verb of Object.keys(VERBS)) {
      rows.push(measure(`generated ${size}`, verb, join(root, 'configs')));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
for (const real of process.argv.slice(2)) {
  for (const verb of Object.keys(VERBS)) rows.push(measure(real, verb, resolve(real)));
}
console.table(rows);
