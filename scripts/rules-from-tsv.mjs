/**
 * Builds rules/config-renames.json from rules/config-renames.tsv (the
 * MMSegmentation 0.30.0 → 1.1.1 config file renames, one `old<TAB>new` pair
 * a line after a header), so the bundle and the tests import it as JSON.
 * `--check` fails when the JSON is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const tsv = 'rules/config-renames.tsv';
const json = 'rules/config-renames.json';

const [header, ...lines] = readFileSync(tsv, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
if (header !== 'old_path\tnew_path') throw new Error(`${tsv}: unexpected header ${header}`);
const renames = {};
for (const line of lines) {
  const [from, to, extra] = line.split('\t');
  if (!from || !to || extra !== undefined) throw new Error(`${tsv}: bad line ${line}`);
  renames[from] = to;
}
const text =
  JSON.stringify(
    {
      $comment: `Generated from ${tsv} by scripts/rules-from-tsv.mjs: 0.30.0 config path -> 1.1.1 config path (CLI-GEN-003).`,
      renames,
    },
    null,
    2,
  ) + '\n';

if (process.argv.includes('--check')) {
  if (readFileSync(json, 'utf8') !== text) {
    console.error(`${json} is stale: run node scripts/rules-from-tsv.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(json, text);
}
