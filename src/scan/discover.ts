/**
 * Finds the files of a repository the migration may have to read: Python,
 * shell, Markdown, YAML/JSON, notebooks, Makefiles, Dockerfiles and
 * extension-less files (which may be shell scripts with a shebang).
 *
 * Symbolic links are never followed and never listed: a link can point out
 * of the repository, and one inside it names a file that is listed under its
 * own path anyway. Writing through a link would also replace the link.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { compareCodeUnits } from '../report/findings.js';

export interface DiscoverOptions {
  /** Globs (relative to the root) a file must match; default: every file. */
  include?: string[];
  /** Globs (relative to the root) of files or folders to skip, on top of the defaults. */
  exclude?: string[];
}

/** Folders skipped at any depth, as a `.gitignore` listing their bare names would. */
export const DEFAULT_EXCLUDED_DIRS = ['.git', 'node_modules', 'work_dirs', 'data'];

const KNOWN_EXTENSIONS = new Set([
  'py',
  'sh',
  'bash',
  'md',
  'markdown',
  'yml',
  'yaml',
  'json',
  'ipynb',
  'mk',
  'dockerfile',
]);

const KNOWN_NAMES = new Set(['Makefile', 'makefile', 'GNUmakefile', 'Dockerfile']);

/** Whether a file name is of a kind the scan reads. */
export function isCandidateName(name: string): boolean {
  if (KNOWN_NAMES.has(name) || name.startsWith('Dockerfile.')) return true;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return true;
  if (dot === 0) return false;
  return KNOWN_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Exclude globs as fast-glob wants them: a bare folder pattern also skips what it holds. */
function ignorePatterns(exclude: readonly string[]): string[] {
  const patterns = DEFAULT_EXCLUDED_DIRS.map((dir) => `**/${dir}/**`);
  for (const glob of exclude) {
    const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    if (trimmed === '') continue;
    patterns.push(trimmed, `${trimmed}/**`);
  }
  return patterns;
}

/** Repository-relative POSIX paths of the candidate files under `root`, sorted. */
export async function discoverFiles(
  root: string,
  options: DiscoverOptions = {},
): Promise<string[]> {
  const cwd = resolve(root);
  const globbed = (options.include?.length ?? 0) > 0 || (options.exclude?.length ?? 0) > 0;
  const files = globbed ? await globFiles(cwd, options) : walkFiles(cwd);
  return [...new Set(files)].sort(compareCodeUnits);
}

/**
 * Every candidate file under `root` with the default exclusions alone: a plain
 * walk, several times faster than matching globs. It lists what
 * `globFiles(root, {})` lists: an entry bearing an excluded name is skipped
 * whether it is a folder or a file, and links are neither listed nor entered.
 */
function walkFiles(root: string): string[] {
  const files: string[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder === '' ? root : join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (EXCLUDED_NAMES.has(entry.name)) continue;
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && isCandidateName(entry.name)) files.push(path);
    }
  }
  return files;
}

const EXCLUDED_NAMES: ReadonlySet<string> = new Set(DEFAULT_EXCLUDED_DIRS);

async function globFiles(cwd: string, options: DiscoverOptions): Promise<string[]> {
  // Loaded only for runs given globs: most runs never pay for its start-up.
  const { default: fg } = await import('fast-glob');
  const patterns = options.include && options.include.length > 0 ? options.include : ['**/*'];
  const entries = await fg(patterns, {
    cwd,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ignorePatterns(options.exclude ?? []),
    suppressErrors: true,
  });
  return entries.filter((path) => {
    // An include glob may climb out of the root (`../**`); such paths are not the repository's.
    if (path.startsWith('../') || isAbsolute(path)) return false;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!isCandidateName(name)) return false;
    try {
      return lstatSync(resolve(cwd, path)).isFile();
    } catch {
      return false;
    }
  });
}
