/**
 * Bundles the CLI and the Action into dist/ with esbuild and ships the
 * tree-sitter wasm files beside them. `--check` builds into a temporary
 * folder and fails when dist/ differs, so a stale bundle cannot land.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/action.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
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
