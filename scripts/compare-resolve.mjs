/**
 * Compares our resolution of configs with a reference resolution (one JSON
 * file per config, as mmengine's `Config.fromfile(...).to_dict()` dumps it).
 *
 *   node scripts/compare-resolve.mjs <corpus-root> <reference-dir> [options]
 *
 * The reference dir holds `<relative path>.json` for each config that loaded
 * (e.g. `configs/fcn/x.py.json`) and may hold `errors.json`, a map from
 * relative path to the error the reference raised; such configs pass when our
 * resolver fails too.
 *
 * Options:
 *   --ours <dir>      compare against a directory of JSON files laid out like
 *                     the reference instead of running our resolver
 *   --spawn           run `bin/mmseg-migrate.js resolve` once per file (two at
 *                     a time) instead of calling the bundled CLI in-process
 *   --filter <text>   only configs whose relative path contains <text>
 *   --quiet           print only the final count line
 *
 * Numbers are compared as Python wrote them: `1` (int) differs from `1.0`
 * (float). Dict key order is ignored, list order is not. Exits 1 on any
 * mismatch, 2 on a usage error.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE_SIDE_FILES = new Set(['errors.json', 'opaque.json', 'summary.json']);
const SPAWN_CONCURRENCY = 2;
const SPAWN_TIMEOUT_MS = 120_000;

// JSON parsing that keeps Python's int/float distinction: ints become BigInt
// (exact at any size), floats become numbers, objects become Maps.
function parseJsonKeepingNumbers(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at offset ${i}`);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const numberPattern = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const literals = [
    ['true', true],
    ['false', false],
    ['null', null],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ];
  const parseString = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const parseValue = () => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const map = new Map();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return map;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('expected a key');
        const key = parseString();
        skipSpace();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        map.set(key, parseValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return map;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const list = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return list;
      }
      for (;;) {
        list.push(parseValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return list;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    for (const [word, value] of literals) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    numberPattern.lastIndex = i;
    const m = numberPattern.exec(text);
    if (!m) fail('unexpected character');
    i += m[0].length;
    return m[1] !== undefined || m[2] !== undefined ? Number(m[0]) : BigInt(m[0]);
  };
  const value = parseValue();
  skipSpace();
  if (i !== text.length) fail('trailing text');
  return value;
}

function kindOf(v) {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

function pathStep(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The first difference between two parsed values, or null when they are equal. */
function firstDifference(reference, ours, path = '') {
  const kind = kindOf(reference);
  if (kind !== kindOf(ours)) return { path, reference, ours };
  if (kind === 'float') return Object.is(reference, ours) ? null : { path, reference, ours };
  if (kind === 'list') {
    const common = Math.min(reference.length, ours.length);
    for (let k = 0; k < common; k++) {
      const d = firstDifference(reference[k], ours[k], pathStep(path, k));
      if (d) return d;
    }
    if (reference.length !== ours.length) {
      return { path, reference, ours, note: `length ${reference.length} vs ${ours.length}` };
    }
    return null;
  }
  if (kind === 'dict') {
    for (const [key, value] of reference) {
      const here = pathStep(path, key);
      if (!ours.has(key)) return { path: here, reference: value, ours: MISSING };
      const d = firstDifference(value, ours.get(key), here);
      if (d) return d;
    }
    for (const [key, value] of ours) {
      if (!reference.has(key))
        return { path: pathStep(path, key), reference: MISSING, ours: value };
    }
    return null;
  }
  return reference === ours ? null : { path, reference, ours };
}

const MISSING = Symbol('missing');

/** Renders a parsed value as Python's json.dumps would, floats keeping their `.0`. */
function show(v, limit = 160) {
  if (v === MISSING) return '<missing>';
  const walk = (x) => {
    if (x === null) return 'null';
    if (typeof x === 'bigint') return String(x);
    if (typeof x === 'number') {
      if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
      return String(x);
    }
    if (typeof x === 'string' || typeof x === 'boolean') return JSON.stringify(x);
    if (Array.isArray(x)) return `[${x.map(walk).join(', ')}]`;
    return `{${[...x].map(([k, val]) => `${JSON.stringify(k)}: ${walk(val)}`).join(', ')}}`;
  };
  const text = walk(v);
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return v === null || typeof v === 'object' ? shown : `${shown} (${kindOf(v)})`;
}

function listReference(referenceDir) {
  const files = readdirSync(referenceDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .map((f) => relative(referenceDir, f).split(sep).join('/'))
    .filter((f) => !REFERENCE_SIDE_FILES.has(f))
    .map((f) => f.slice(0, -'.json'.length));
  const errorsFile = join(referenceDir, 'errors.json');
  const errors = existsSync(errorsFile) ? JSON.parse(readFileSync(errorsFile, 'utf8')) : {};
  const all = [...new Set([...files, ...Object.keys(errors)])].sort();
  return { all, errors };
}

// Each runner takes a config path relative to the corpus root and returns
// { code, out, err }, where out is what our resolver printed on stdout.
function oursFromDir(dir) {
  return async (rel) => {
    const file = join(dir, `${rel}.json`);
    if (!existsSync(file)) return { code: 1, out: '', err: `no file ${file}` };
    return { code: 0, out: readFileSync(file, 'utf8'), err: '' };
  };
}

async function oursInProcess(corpusRoot) {
  const bundle = join(REPO, 'dist', 'cli.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} not found: run \`npm run bundle\` first`);
  const { main } = await import(pathToFileURL(bundle).href);
  if (typeof main !== 'function') throw new Error(`${bundle} does not export main()`);
  return async (rel) => {
    let out = '';
    let err = '';
    const io = { out: (t) => (out += t), err: (t) => (err += t) };
    try {
      const code = await main(
        ['resolve', join(corpusRoot, rel), '--json', '--root', corpusRoot],
        io,
      );
      return { code, out, err };
    } catch (error) {
      return { code: 1, out, err: err + String(error?.stack ?? error) };
    }
  };
}

function oursBySpawning(corpusRoot) {
  const bin = join(REPO, 'bin', 'mmseg-migrate.js');
  return (rel) =>
    new Promise((done) => {
      const child = spawn(process.execPath, [bin, 'resolve', rel, '--json', '--root', corpusRoot], {
        cwd: corpusRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: SPAWN_TIMEOUT_MS,
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (err += b));
      child.on('error', (e) => done({ code: 1, out, err: err + String(e) }));
      child.on('close', (code, signal) =>
        done({ code: code ?? 1, out, err: signal ? `${err}killed by ${signal}` : err }),
      );
    });
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the results in order. */
async function mapBounded(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await task(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function firstLine(text) {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l) ?? ''
  );
}

/** Why `rel` fails, or null when it passes. */
function judge(rel, referenceDir, referenceError, run) {
  if (referenceError) {
    if (run.code !== 0) return null;
    return `reference raised ${referenceError.type}: ${firstLine(referenceError.message)}; ours succeeded`;
  }
  let ours;
  try {
    ours = parseJsonKeepingNumbers(run.out);
  } catch (error) {
    const why = run.code !== 0 ? `exit ${run.code}: ${firstLine(run.err)}` : error.message;
    return `no JSON from ours (${why})`;
  }
  const reference = parseJsonKeepingNumbers(
    readFileSync(join(referenceDir, `${rel}.json`), 'utf8'),
  );
  const d = firstDifference(reference, ours);
  const problems = [];
  if (d) {
    const note = d.note ? ` (${d.note})` : '';
    problems.push(
      `at ${d.path || '(root)'}${note}: reference ${show(d.reference)}, ours ${show(d.ours)}`,
    );
  }
  if (run.code !== 0) problems.push(`exit ${run.code}: ${firstLine(run.err)}`);
  return problems.length > 0 ? problems.join('; ') : null;
}

const USAGE =
  'Usage: node scripts/compare-resolve.mjs <corpus-root> <reference-dir> ' +
  '[--ours <dir>] [--spawn] [--filter <text>] [--quiet]';

async function run() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        ours: { type: 'string' },
        spawn: { type: 'boolean', default: false },
        filter: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const corpusRoot = resolve(positionals[0]);
  const referenceDir = resolve(positionals[1]);
  for (const dir of [corpusRoot, referenceDir, ...(values.ours ? [values.ours] : [])]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`not a directory: ${dir}\n${USAGE}`);
      return 2;
    }
  }

  const { all, errors } = listReference(referenceDir);
  const configs = values.filter ? all.filter((f) => f.includes(values.filter)) : all;
  let runner;
  let limit = 1;
  if (values.ours) runner = oursFromDir(resolve(values.ours));
  else if (values.spawn) {
    runner = oursBySpawning(corpusRoot);
    limit = SPAWN_CONCURRENCY;
  } else runner = await oursInProcess(corpusRoot);

  const verdicts = await mapBounded(configs, limit, async (rel) =>
    judge(rel, referenceDir, errors[rel], await runner(rel)),
  );
  let passed = 0;
  let failed = 0;
  verdicts.forEach((why, k) => {
    if (why === null) passed++;
    else {
      failed++;
      if (!values.quiet) console.log(`FAIL ${configs[k]}: ${why}`);
    }
  });
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await run();
