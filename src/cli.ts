/**
 * The command line: `mmseg-migrate <verb> [args]`. Output goes to stdout,
 * diagnostics and progress to stderr; `--json` prints exactly one JSON
 * document on stdout and nothing else.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { diskSource } from './config/source.js';
import { createResolver } from './config/resolve.js';
import { initParsers } from './python/parse.js';
import { printAssignment } from './python/print.js';
import { toJsonText, type DictValue } from './python/values.js';
import { createProgress } from './cli/progress.js';
import { formatFindingsText } from './report/text.js';
import { scanRepository } from './scan/scan.js';
import { formatScanText, scanToJson } from './cli/scan-output.js';
import { runMigrate } from './cli/migrate-command.js';
import { runFlagCommand } from './cli/flag-command.js';

const USAGE = `Usage: mmseg-migrate [dir] [options]
       mmseg-migrate <command> [options]

Migrates the repository in [dir] (default: the current folder) from
MMSegmentation 0.x to 1.x. Without --write it changes nothing: it prints the
unified diff and the report.

  --write                  write the converted files
  --check                  exit 1 when anything would change (for CI gates)
  --diff                   with --write, also print the diff
  --json                   print the report as one JSON document
  --report <file>          write the Markdown report to <file>
  --sarif <file>           write the findings as SARIF 2.1.0 to <file>
  --fail-on <level>        exit 1 on findings of this level: error (default),
                           warning, or never

Commands:
  scan [dir]               list the files found, their role and, for configs,
                           the version verdict and the signals behind it
  resolve <config.py>      print the fully resolved config (like print_config)
  resolve <dir>            resolve every config under <dir> and list the ones
                           that do not resolve cleanly
  flag [dir] --patch <f>   what the pull-request bot says about a diff (<f> a
                           unified diff such as \`git diff main...\`, - for
                           stdin): the findings on the lines it adds and the
                           1.x form of each as a suggestion
    --filter-mode <m>      added (default), diff_context, file or nofilter

Options:
  --json                   print one JSON document on stdout
  --root <dir>             repository root for resolve (default: the nearest
                           folder with .git above the config, else the cwd)
  --include <glob>         scan only matching files (repeatable)
  --exclude <glob>         skip matching files (repeatable)
  -h, --help               show this help
  -v, --version            show the version
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Runs the CLI and returns the exit code: 0 ok, 1 findings that fail the run, 2 usage errors. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        report: { type: 'string' },
        sarif: { type: 'string' },
        'fail-on': { type: 'string' },
        patch: { type: 'string' },
        'filter-mode': { type: 'string' },
        root: { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err(`mmseg-migrate: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  // A migration loads its parsers itself, overlapping their compilation with its scan.
  if (command !== undefined && command !== 'flag' && !isFolder(command)) await initParsers();
  switch (command) {
    case undefined:
      return runMigrate('.', values, io);
    case 'scan':
      return runScan(rest[0] ?? '.', values, io);
    case 'flag':
      if (rest.length > 1) {
        io.err(`mmseg-migrate flag: expected at most one folder\n\n${USAGE}`);
        return 2;
      }
      return runFlagCommand(rest[0] ?? '.', values, io);
    case 'resolve':
      if (rest.length !== 1) {
        io.err(`mmseg-migrate resolve: expected one config file\n\n${USAGE}`);
        return 2;
      }
      return isFolder(rest[0])
        ? runResolveAll(rest[0], values, io)
        : runResolve(rest[0], values, io);
    default:
      if (rest.length > 0 || !isFolder(command)) {
        io.err(`mmseg-migrate: '${command}' is neither a command nor a folder\n\n${USAGE}`);
        return 2;
      }
      return runMigrate(command, values, io);
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

interface Flags {
  json?: boolean;
  root?: string;
  include?: string[];
  exclude?: string[];
}

async function runScan(dir: string, flags: Flags, io: Io): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.err(`mmseg-migrate scan: '${dir}' is not a directory\n`);
    return 2;
  }
  const result = await scanRepository(resolve(dir), {
    include: flags.include,
    exclude: flags.exclude,
  });
  io.out(flags.json ? JSON.stringify(scanToJson(result), null, 2) + '\n' : formatScanText(result));
  return 0;
}

function runResolve(file: string, flags: Flags, io: Io): number {
  const absolute = resolve(file);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    io.err(`mmseg-migrate resolve: '${file}' is not a file\n`);
    return 2;
  }
  const root = flags.root ? resolve(flags.root) : findRoot(absolute, dirname(absolute));
  const path = relative(root, absolute).split(sep).join('/');
  if (path.startsWith('../') || path === '..') {
    io.err(`mmseg-migrate resolve: '${file}' is outside the root '${root}'\n`);
    return 2;
  }
  const resolved = createResolver(diskSource(root)).resolve(path);
  io.out(flags.json ? toJsonText(resolved.value) + '\n' : printConfig(path, resolved.value));
  if (resolved.findings.length > 0) io.err(formatFindingsText(resolved.findings));
  return resolved.ok ? 0 : 1;
}

/** Resolves every config the scan finds under `dir`; with --json, one object keyed by path. */
async function runResolveAll(dir: string, flags: Flags, io: Io): Promise<number> {
  const absolute = resolve(dir);
  const root = flags.root ? resolve(flags.root) : absolute;
  const include = flags.include ?? ['**/*.py'];
  const scan = await scanRepository(absolute, { include, exclude: flags.exclude });
  const prefix = relative(root, absolute).split(sep).join('/');
  const configs = scan.files
    .filter((f) => f.role === 'config' || f.role === 'base-config')
    .map((f) => (prefix ? `${prefix}/${f.path}` : f.path));
  const resolver = root === absolute ? scan.resolver : createResolver(diskSource(root));
  const progress = createProgress(configs.length, 'resolving');
  const results = configs.map((path) => {
    progress.tick(path);
    return resolver.resolve(path);
  });
  progress.done();
  const failed = results.filter((r) => !r.ok);
  if (flags.json) {
    const body = results.map((r) => `${JSON.stringify(r.file)}: ${toJsonText(r.value, 0)}`);
    io.out(`{${body.join(',\n')}}\n`);
  } else {
    for (const r of failed) io.out(`${r.file}: does not resolve\n`);
    const errors = failed.length > 0 ? `, ${failed.length} with errors` : '';
    io.out(`${results.length} configs resolved${errors}\n`);
  }
  const findings = [
    ...new Map(results.flatMap((r) => r.findings).map((f) => [JSON.stringify(f), f])).values(),
  ];
  if (findings.length > 0) io.err(formatFindingsText(findings));
  return failed.length > 0 ? 1 : 0;
}

/** The resolved config as Python assignments, like mmengine's `print_config`. */
function printConfig(path: string, value: DictValue): string {
  const lines = [...value.entries].map(([key, v]) => printAssignment(String(key), v));
  return `# ${path}\n${lines.join('')}`;
}

/** The nearest folder above `file` that holds `.git`, else the working directory if it holds `file`, else `fallback`. */
function findRoot(file: string, fallback: string): string {
  let dir = dirname(file);
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const cwd = process.cwd();
  return file.startsWith(cwd + sep) ? cwd : fallback;
}
