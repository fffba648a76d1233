/**
 * `mmseg-migrate flag [dir] --patch FILE`: the pull-request bot's verdict on
 * a diff, locally: the findings on the lines the diff adds (or as
 * `--filter-mode` says), each suggestion as the lines it replaces and the
 * lines it puts there, and which files to convert whole. `--patch -` reads
 * the diff from standard input, e.g. `git diff main... | mmseg-migrate flag --patch -`.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFlagComment } from '../flag/comment.js';
import { pullFilesFromDiff } from '../flag/git-diff.js';
import { FILTER_MODES, planFlags, type FilterMode, type FlagPlan } from '../flag/plan.js';
import { splitLines } from '../flag/patch.js';
import { migrateRepository } from '../migrate.js';
import type { MigrationReport } from '../report/model.js';
import {
  countSeverities,
  failingCount,
  isFailOn,
  plural,
  presentSeverities,
} from '../report/summary.js';
import { formatFindingsText } from '../report/text.js';
import { writeOut, type MigrateIo } from './migrate-command.js';

export interface FlagFlags {
  patch?: string;
  'filter-mode'?: string;
  json?: boolean;
  report?: string;
  'fail-on'?: string;
  include?: string[];
  exclude?: string[];
}

/** Largest diff read, in bytes: GitHub itself stops listing a pull request's files at 3,000. */
const MAX_PATCH_BYTES = 64 * 1024 * 1024;

function readPatch(source: string, stdin: () => string): string {
  if (source === '-') return stdin();
  const size = statSync(source, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new Error(`'${source}' does not exist`);
  if (size > MAX_PATCH_BYTES)
    throw new Error(`'${source}' is larger than ${MAX_PATCH_BYTES} bytes`);
  return readFileSync(source, 'utf8');
}

function suggestionsText(plan: FlagPlan, report: MigrationReport, prefix: string): string {
  const heads = new Map(report.files.map((f) => [`${prefix}${f.path}`, splitLines(f.before)]));
  return plan.suggestions
    .map((s) => {
      const old = (heads.get(s.path) ?? []).slice(s.start - 1, s.end);
      const span = s.end > s.start ? `${s.start}-${s.end}` : `${s.start}`;
      return (
        `suggestion for ${s.path}:${span}\n` +
        old.map((l) => `  - ${l}\n`).join('') +
        s.lines.map((l) => `  + ${l}\n`).join('')
      );
    })
    .join('');
}

function verdict(plan: FlagPlan): string {
  const counts = countSeverities(plan.items);
  const tally = presentSeverities(counts);
  if (plan.items.length === 0) return 'No MMSegmentation 0.x code on the lines the diff adds.\n';
  const whole =
    plan.converted.length > 0
      ? `; ${plural(plan.converted.length, 'file', 'files')} to convert whole (${plan.converted.map((c) => c.path).join(', ')})`
      : '';
  return `${plural(plan.items.length, 'finding', 'findings')} (${tally}); ${plural(plan.suggestions.length, 'suggestion', 'suggestions')}${whole}.\n`;
}

export async function runFlagCommand(
  dir: string,
  flags: FlagFlags,
  io: MigrateIo,
  stdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  const failOn = flags['fail-on'] ?? 'error';
  if (!isFailOn(failOn)) {
    io.err('mmseg-migrate flag: --fail-on takes never, error or warning\n');
    return 2;
  }
  const filterMode = (flags['filter-mode'] ?? 'added') as FilterMode;
  if (!FILTER_MODES.includes(filterMode)) {
    io.err(`mmseg-migrate flag: --filter-mode takes ${FILTER_MODES.join(', ')}\n`);
    return 2;
  }
  if (!flags.patch) {
    io.err(
      'mmseg-migrate flag: --patch FILE (a unified diff, `-` for standard input) is required\n',
    );
    return 2;
  }
  let diff: string;
  try {
    diff = readPatch(flags.patch, stdin);
  } catch (error) {
    io.err(`mmseg-migrate flag: ${(error as Error).message}\n`);
    return 2;
  }
  const root = resolve(dir);
  const report = await migrateRepository(root, { include: flags.include, exclude: flags.exclude });
  const plan = planFlags(report, pullFilesFromDiff(diff), { filterMode });
  if (flags.report) writeOut(flags.report, renderFlagComment(plan, undefined).body);
  if (flags.json) {
    io.out(`${JSON.stringify(plan, null, 2)}\n`);
  } else {
    io.out(formatFindingsText(plan.items));
    io.out(suggestionsText(plan, report, ''));
    io.out(verdict(plan));
  }
  return failingCount(countSeverities(plan.items), failOn) > 0 ? 1 : 0;
}
