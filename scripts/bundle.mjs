/**
 * Bundles the CLI and the Action into dist/ with esbuild and ships the
 * tree-sitter wasm files beside them. `--check` builds into a temporary
 * folder and fails when dist/ differs, so a stale bundle cannot land.
 */
import { build } from 'esbuild';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdirSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fastNodeTransfer } from './fast-node-transfer.mjs';

const require = createRequire(import.meta.url);
const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'mmseg-migrate-dist-')) : 'dist';

const wasm = [
  require.resolve('web-tree-sitter/tree-sitter.wasm'),
  join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'),
  join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'),
];

if (!check) rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir,
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'ascii',
  plugins: [fastNodeTransfer],
};
// The Action: an ES module, as GitHub runs it.
await build({
  ...shared,
  entryPoints: { index: 'src/action.ts' },
  format: 'esm',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// The CLI: CommonJS, so that bin/ can compile it through V8's code cache
// (Node 20 has no code cache for ES modules). web-tree-sitter ships a
// CommonJS build of its own; dynamic imports of Node's modules become requires.
await build({
  ...shared,
  entryPoints: { cli: 'src/cli.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// esbuild keeps non-ASCII text in comments and regular expressions as it is;
// escaped, the whole bundle is ASCII, which Node reads and V8 scans fastest.
const cli = join(outdir, 'cli.cjs');
writeFileSync(
  cli,
  readFileSync(cli, 'utf8').replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
);
for (const file of wasm) copyFileSync(file, join(outdir, file.split(/[\\/]/).pop()));

if (check) {
  const list = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length + 1))
      .sort();
  const fresh = list(outdir);
  const committed = list('dist');
  const stale = [
    ...fresh.filter(
      (f) =>
        !committed.includes(f) ||
        !readFileSync(join(outdir, f)).equals(readFileSync(join('dist', f))),
    ),
    ...committed.filter((f) => !fresh.includes(f)),
  ];
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run bundle\` and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}
