/**
 * `mmseg-migrate [dir]`: the migration as a dry run (a unified diff and the
 * report), or `--write` to apply it, `--check` to gate CI on it, `--json`
 * for machines, `--report FILE` for the Markdown report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { migrateRepository } from '../migrate.js';
import { renderDiff } from '../report/diff.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import type { MigrationReport } from '../report/model.js';
import { renderSarif } from '../report/sarif.js';
import { failingCount, isFailOn, renderText, summarize } from '../report/summary.js';

export interface MigrateFlags {
  write?: boolean;
  check?: boolean;
  json?: boolean;
  diff?: boolean;
  report?: string;
  sarif?: string;
  'fail-on'?: string;
  include?: string[];
  exclude?: string[];
}

export interface MigrateIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runMigrate(dir: string, flags: MigrateFlags, io: MigrateIo): Promise<number> {
  const failOn = flags['fail-on'] ?? 'error';
  if (!isFailOn(failOn)) {
    io.err(`mmseg-migrate: --fail-on takes never, error or warning\n`);
    return 2;
  }
  const root = resolve(dir);
  const report = await migrateRepository(root, { include: flags.include, exclude: flags.exclude });
  const changed = report.files.filter((f) => f.status === 'changed');

  if (flags.write) writeChanges(report);
  if (flags.report) writeOut(flags.report, renderMarkdown(report, { maxChars: Infinity }));
  if (flags.sarif) writeOut(flags.sarif, JSON.stringify(renderSarif(report), null, 2) + '\n');

  if (flags.json) {
    io.out(JSON.stringify(renderJson(report), null, 2) + '\n');
  } else {
    if (!flags.write || flags.diff) io.out(renderDiff(report));
    io.out(renderText(report));
    if (flags.write && changed.length > 0) io.out(`${changed.length} files written\n`);
  }

  const failing = failingCount(summarize(report).findings, failOn) > 0;
  if (flags.check && changed.length > 0 && !flags.write) return 1;
  return failing ? 1 : 0;
}

function writeChanges(report: MigrationReport): void {
  for (const file of report.files) {
    if (file.status !== 'changed') continue;
    writeFileSync(join(report.root, file.path), file.after);
  }
}

export function writeOut(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
}
