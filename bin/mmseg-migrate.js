#!/usr/bin/env node
/**
 * Starts the bundled command line, `dist/cli.cjs`, from V8's code cache when
 * it can. The first run on a machine compiles the bundle and, as it exits,
 * stores the bytecode of everything it ran in the user's cache folder; later
 * runs start from that bytecode instead of compiling 1.6 MB of JavaScript
 * again, which matters for hooks and CI gates that run `--check` often.
 * (Node 22's `module.enableCompileCache` does the same for ES modules; this
 * works on Node 20 as well.) A cache that does not fit, because Node, the
 * bundle or the file changed, is ignored and replaced.
 *
 * `NODE_DISABLE_COMPILE_CACHE=1` turns the cache off; `MMSEG_MIGRATE_CACHE_DIR`
 * moves it (default: `$XDG_CACHE_HOME/mmseg-migrate`, `~/.cache/mmseg-migrate`,
 * or `%LOCALAPPDATA%\mmseg-migrate` on Windows).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));

// The CLI runs the grammars on V8's baseline wasm tier (src/python/parse.ts).
// V8's flags are part of a code cache's key, and the cache is written after
// the CLI has set this one, so it is set before compiling too.
setFlagsFromString('--liftoff-only');
// A run lasts a second or two on every function at once: at V8's default
// budget its optimising compiler, on a second core the garbage collector
// also wants, compiles many functions that run only a little longer. A
// budget four times larger saves ~5 % on MMSegmentation's 720 configs
// (bench/) and changes nothing on a corpus ten times larger.
setFlagsFromString('--interrupt-budget=264000');

function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (process.env.MMSEG_MIGRATE_CACHE_DIR) return process.env.MMSEG_MIGRATE_CACHE_DIR;
  const base =
    process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return base ? join(base, 'mmseg-migrate') : undefined;
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all, and drops the caches of other bundles and Node versions. */
function writeCache(folder, file, data) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith('cli-') && join(folder, name) !== file && !name.endsWith('.tmp')) {
        rmSync(join(folder, name), { force: true });
      }
    }
  } catch {
    // A cache that cannot be written only costs the next run its head start.
  }
}

const bytes = readFileSync(bundle);
// The bundle is ASCII (scripts/bundle.mjs), which reads fastest as Latin-1.
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const folder = cacheFolder();
// V8 checks only the source's length: the name carries its digest and the Node build.
const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const cacheFile =
  folder && join(folder, `cli-${digest}-${process.version}-${process.arch}.v8cache`);
const cachedData = cacheFile && readCache(cacheFile);

const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // At exit the cache holds every function this run compiled, not only the top level.
  process.once('exit', () => writeCache(folder, cacheFile, script.createCachedData()));
}
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

// `mmseg-migrate … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await cli.exports.main(process.argv.slice(2));
