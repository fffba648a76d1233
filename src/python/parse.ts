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

let ready: Promise<void> | undefined;
let parsers: { python: Parser; bash: Parser } | undefined;

async function load(): Promise<void> {
  await Parser.init({
    locateFile: (name: string) => locateWasm(name, 'web-tree-sitter'),
  });
  const [pythonLang, bashLang] = await Promise.all([
    Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python')),
    Language.load(locateWasm('tree-sitter-bash.wasm', 'tree-sitter-bash')),
  ]);
  const python = new Parser();
  python.setLanguage(pythonLang);
  const bash = new Parser();
  bash.setLanguage(bashLang);
  parsers = { python, bash };
}

/** Loads the parsers once per process; every parse function needs it to have resolved. */
export function initParsers(): Promise<void> {
  ready ??= load();
  return ready;
}

function loaded(): { python: Parser; bash: Parser } {
  if (!parsers) throw new Error('tree-sitter parsers used before `await initParsers()`');
  return parsers;
}

/** Parses Python source (after `await initParsers()`). */
export function parsePython(source: string): Tree {
  return mustParse(loaded().python, source);
}

/** Parses Bash source (after `await initParsers()`). */
export function parseBash(source: string): Tree {
  return mustParse(loaded().bash, source);
}

function mustParse(parser: Parser, source: string): Tree {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
