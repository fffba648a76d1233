/**
 * What the golden tests share: the repository's CLI as users run it, the
 * case folders, and the switch that rewrites the expected files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The CLI's entry point, run with `node` as the installed command runs it. */
export const cliBin = join(repoRoot, 'bin', 'mmseg-migrate.js');

/** `GOLDEN_UPDATE=1 npm test` rewrites the expected files from the tool's output, for review in the diff. */
export const updatingGolden = process.env.GOLDEN_UPDATE === '1';

/** The case folders under `folder`, in name order; none when the folder is missing. */
export function caseNames(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}
