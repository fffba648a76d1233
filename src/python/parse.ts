/**
 * Loads tree-sitter (wasm) once per process and parses Python and Bash sources.
 *
 * The wasm files are looked up next to the running module first (the bundled
 * `dist/` ships them there), then in `node_modules` (sources run by ts-jest).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree as SyntaxTree };

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function locateWasm(file: string, pkg: string): string {
  const beside = join(here, file);
  if (existsSync(beside)) return beside;
  // web-tree-sitter exports its wasm; the grammar packages keep theirs at the package root.
  return pkg === 'web-tree-sitter'
    ? require.resolve(`${pkg}/${file}`)
    : join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

// V8 otherwise recompiles the large grammar modules with its optimising tier
// on background threads and makes the main thread wait for it (~0.7 s for
// Bash); the baseline tier parses configs just as fast for our sizes.
setFlagsFromString('--liftoff-only');

let runtime: Promise<void> | undefined;
let python: Promise<Parser> | undefined;
let bash: Promise<Parser> | undefined;
let loadedPython: Parser | undefined;
let loadedBash: Parser | undefined;

async function parserFor(file: string, pkg: string): Promise<Parser> {
  runtime ??= Parser.init({ locateFile: (name: string) => locateWasm(name, 'web-tree-sitter') });
  await runtime;
  const parser = new Parser();
  parser.setLanguage(await Language.load(locateWasm(file, pkg)));
  return parser;
}

/**
 * Loads the parsers once per process; every parse function needs it to have
 * resolved. The Bash grammar is loaded only when asked for, since most runs
 * parse Python alone.
 */
export async function initParsers(options: { bash?: boolean } = {}): Promise<void> {
  python ??= parserFor('tree-sitter-python.wasm', 'tree-sitter-python');
  loadedPython = await python;
  if (options.bash) {
    bash ??= parserFor('tree-sitter-bash.wasm', 'tree-sitter-bash');
    loadedBash = await bash;
  }
}

/** Parses Python source (after `await initParsers()`). */
export function parsePython(source: string): Tree {
  if (!loadedPython) throw new Error('parsePython used before `await initParsers()`');
  return mustParse(loadedPython, source);
}

/** Parses Bash source (after `await initParsers({ bash: true })`). */
export function parseBash(source: string): Tree {
  if (!loadedBash) throw new Error('parseBash used before `await initParsers({ bash: true })`');
  return mustParse(loadedBash, source);
}

function mustParse(parser: Parser, source: string): Tree {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
