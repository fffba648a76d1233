/**
 * The changed files as one unified diff in git's layout (`diff --git`,
 * `--- a/path`, `+++ b/path`, three lines of context), which `git apply`
 * and `patch -p1` accept, and a `git diff --stat`-like summary.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY, structuredPatch } from 'diff';
import type { FileOutcome, MigrationReport } from './model.js';
import { compareCodeUnits } from './findings.js';
import { plural } from './summary.js';

const CONTEXT = 3;

function changedFiles(report: MigrationReport): FileOutcome[] {
  return report.files
    .filter((f) => f.status === 'changed' && f.before !== f.after)
    .sort((a, b) => compareCodeUnits(a.path, b.path));
}

export function renderFileDiff(file: FileOutcome): string {
  const patch = createTwoFilesPatch(
    `a/${file.path}`,
    `b/${file.path}`,
    file.before,
    file.after,
    undefined,
    undefined,
    { context: CONTEXT, headerOptions: FILE_HEADERS_ONLY },
  );
  return `diff --git a/${file.path} b/${file.path}\n${patch}`;
}

/** Every changed file's diff, in path order; empty when nothing changed. */
export function renderDiff(report: MigrationReport): string {
  return changedFiles(report).map(renderFileDiff).join('');
}

interface LineCounts {
  path: string;
  added: number;
  removed: number;
}

function countLines(file: FileOutcome): LineCounts {
  const patch = structuredPatch(
    file.path,
    file.path,
    file.before,
    file.after,
    undefined,
    undefined,
    {
      context: 0,
    },
  );
  let added = 0;
  let removed = 0;
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added += 1;
      else if (line.startsWith('-')) removed += 1;
    }
  }
  return { path: file.path, added, removed };
}

/** Widest bar of `+`/`-` in the stat, like git's default for a terminal. */
const BAR_WIDTH = 40;

/**
 * ` path | 12 +++++-------` per changed file and a totals line; bars are
 * scaled down so the largest fits {@link BAR_WIDTH} columns.
 */
export function renderDiffStat(report: MigrationReport): string {
  const rows = changedFiles(report).map(countLines);
  if (rows.length === 0) return '';
  const nameWidth = Math.max(...rows.map((r) => r.path.length));
  const most = Math.max(...rows.map((r) => r.added + r.removed));
  const countWidth = String(most).length;
  const scale = most > BAR_WIDTH ? BAR_WIDTH / most : 1;
  const bar = (n: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * scale)));
  const lines = rows.map((r) => {
    const total = String(r.added + r.removed).padStart(countWidth);
    const graph = '+'.repeat(bar(r.added)) + '-'.repeat(bar(r.removed));
    return ` ${r.path.padEnd(nameWidth)} | ${total} ${graph}\n`;
  });
  const added = rows.reduce((n, r) => n + r.added, 0);
  const removed = rows.reduce((n, r) => n + r.removed, 0);
  const totals = [
    plural(rows.length, 'file changed', 'files changed'),
    plural(added, 'insertion(+)', 'insertions(+)'),
    plural(removed, 'deletion(-)', 'deletions(-)'),
  ].join(', ');
  return `${lines.join('')} ${totals}\n`;
}
