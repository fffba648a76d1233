/**
 * What the pull-request bot says about a pull request, decided from the
 * migration of its head checkout and the pull request's diff: the findings
 * on the lines the filter mode keeps, a review suggestion for each edit that
 * lies on lines a review comment can cover, and the converted text of each
 * file whose fix cannot be a suggestion (a 0.x config added whole, or an edit
 * reaching past the diff). Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { finding, sortFindings, type Finding } from '../report/findings.js';
import type { FileOutcome, MigrationReport } from '../report/model.js';
import { lineEdits, suggestionRange, type LineEdit } from './edits.js';
import {
  hunkHolding,
  isShown,
  parsePatch,
  splitLines,
  wholeFilePatch,
  type FilePatch,
} from './patch.js';

/** reviewdog's filter modes: which findings a run reports. */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];

/** A file of the pull request as GitHub lists it. */
export interface PullFile {
  /** Repository path at the head. */
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The unified-diff hunks; GitHub leaves them out for binary and very large diffs. */
  patch?: string;
}

/** A finding as the bot reports it: on a repository path, with a key that survives line moves. */
export interface FlagItem extends Finding {
  key: string;
}

export interface Suggestion {
  key: string;
  path: string;
  /** First and last head line the suggestion replaces. */
  start: number;
  end: number;
  lines: string[];
  /** The findings on the lines it replaces. */
  findings: Finding[];
}

export interface ConvertedFile {
  path: string;
  text: string;
  /** The pull request adds the file (else it changes it). */
  added: boolean;
}

export interface FlagPlan {
  filterMode: FilterMode;
  /** Every finding kept, the bot's FLAG findings among them, in report order. */
  items: FlagItem[];
  suggestions: Suggestion[];
  converted: ConvertedFile[];
  /** Files of the pull request that were analysed. */
  analysed: number;
}

const CONFIG_ROLES = new Set(['config', 'base-config']);

function digest(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}

function keyed(f: Finding, lineText: string): FlagItem {
  return { ...f, key: digest(f.file, f.rule, f.message, lineText) };
}

/** Which head lines a finding or an edit may sit on to be reported. */
interface Region {
  line: (n: number) => boolean;
  /** Findings about the whole file (line 0). */
  wholeFile: boolean;
}

function regionOf(
  mode: FilterMode,
  file: PullFile | undefined,
  patch: FilePatch | undefined,
): Region {
  if (mode === 'nofilter') return { line: () => true, wholeFile: true };
  if (!file) return { line: () => false, wholeFile: false };
  if (mode === 'file') return { line: () => true, wholeFile: true };
  const wholeFile = file.status === 'added';
  // Every line of an added file is added, also when GitHub sends no patch for it.
  if (wholeFile) return { line: () => true, wholeFile };
  if (!patch) return { line: () => false, wholeFile };
  if (mode === 'added') return { line: (n) => patch.added.has(n), wholeFile };
  return { line: (n) => isShown(patch, n), wholeFile };
}

function everyLine(from: number, to: number, test: (n: number) => boolean): boolean {
  for (let n = from; n <= to; n += 1) if (!test(n)) return false;
  return true;
}

/**
 * An edit is the pull request's when it rewrites code on a line of the
 * region: a comment or blank line added beside 0.x code is not 0.x code, even
 * though the conversion moves it with the statement it sits on.
 */
function editTouches(edit: LineEdit, region: Region, headLines: readonly string[]): boolean {
  const code = (n: number) => {
    const text = headLines[n - 1]?.trim() ?? '';
    return text !== '' && !text.startsWith('#') && region.line(n);
  };
  if (edit.end < edit.start) return code(edit.start - 1) || code(edit.start);
  for (let n = edit.start; n <= edit.end; n += 1) if (code(n)) return true;
  return false;
}

/** The head lines the patch adds that the checkout does not have: the checkout is not the head. */
function checkoutDiffers(patch: FilePatch, headLines: readonly string[]): boolean {
  for (const [n, text] of patch.added) if (headLines[n - 1] !== text) return true;
  return false;
}

function patchOf(file: PullFile, before: string): FilePatch | undefined {
  if (file.patch !== undefined) return parsePatch(file.patch);
  return file.status === 'added' ? wholeFilePatch(before) : undefined;
}

interface FilePlan {
  items: FlagItem[];
  suggestions: Suggestion[];
  converted?: ConvertedFile;
}

/**
 * The bases of a config, at any depth, that the migration would change and
 * the pull request does not: the config's 1.x form holds only over their 1.x
 * form, so it cannot be applied alone.
 */
function pendingBases(
  outcome: FileOutcome,
  outcomes: ReadonlyMap<string, FileOutcome>,
  inPull: (path: string) => boolean,
): string[] {
  const pending: string[] = [];
  const seen = new Set<string>([outcome.path]);
  const queue = [...(outcome.bases ?? [])];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const base = outcomes.get(path);
    if (!base) continue;
    if (base.status !== 'unchanged' && !inPull(path)) pending.push(path);
    queue.push(...(base.bases ?? []));
  }
  return pending;
}

interface FileContext {
  mode: FilterMode;
  runFindings: readonly Finding[];
  /** Report paths of bases the pull request leaves 0.x. */
  pending: readonly string[];
}

function planFile(
  outcome: FileOutcome,
  repoPath: string,
  file: PullFile | undefined,
  { mode, runFindings, pending }: FileContext,
): FilePlan {
  const headLines = splitLines(outcome.before);
  const patch = file ? patchOf(file, outcome.before) : undefined;
  const region = regionOf(mode, file, patch);
  const lineText = (n: number) => headLines[n - 1]?.trim() ?? '';
  const own = [...outcome.findings, ...runFindings]
    .map((f) => ({ ...f, file: repoPath }))
    .filter((f) => (f.line > 0 ? region.line(f.line) : region.wholeFile));
  const items = own.map((f) => keyed(f, lineText(f.line)));
  const plan: FilePlan = { items, suggestions: [] };
  if (outcome.status !== 'changed') return plan;

  const edits = lineEdits(outcome.before, outcome.after).filter((e) =>
    editTouches(e, region, headLines),
  );
  if (edits.length === 0) return plan;
  if (file && pending.length > 0) {
    const shown = pending.slice(0, 3).join(', ') + (pending.length > 3 ? ', …' : '');
    items.push({
      ...finding(
        'FLAG-004',
        'warning',
        repoPath,
        Math.max(edits[0].start, 1),
        `MMSegmentation 0.x code on bases that are 0.x too (${shown}): its 1.x form holds only once they are converted, so migrate the repository (\`npx mmseg-migrate --write\`, or the action's \`migrate\` mode) instead of this file alone`,
      ),
      key: digest(repoPath, 'pending', outcome.before),
    });
    return plan;
  }
  const stale = patch !== undefined && checkoutDiffers(patch, headLines);
  if (stale) {
    items.push(
      keyed(
        finding(
          'FLAG-003',
          'warning',
          repoPath,
          0,
          'the checked-out file differs from the pull request head on the lines it adds, so no suggestion is posted for it: check out the head commit (actions/checkout with `ref: ${{ github.event.pull_request.head.sha }}`)',
        ),
        '',
      ),
    );
  }
  const wholeConfig = file?.status === 'added' && CONFIG_ROLES.has(outcome.role);
  if (wholeConfig) {
    items.push({
      ...finding(
        'FLAG-002',
        'warning',
        repoPath,
        Math.max(edits[0].start, 1),
        'this MMSegmentation 0.x config is added whole: its 1.x conversion is in the report comment',
      ),
      key: digest(repoPath, outcome.before, outcome.after),
    });
  }
  const convertedFile = (pull: PullFile): ConvertedFile => ({
    path: repoPath,
    text: outcome.after,
    added: pull.status === 'added',
  });
  if (wholeConfig || stale) {
    if (file) plan.converted = convertedFile(file);
    return plan;
  }
  const proposals = edits.map((edit) => {
    const range = suggestionRange(edit, headLines);
    const fits =
      file !== undefined &&
      patch !== undefined &&
      range !== undefined &&
      hunkHolding(patch, range.start, range.end) !== undefined &&
      everyLine(range.start, range.end, region.line);
    return {
      edit,
      range: fits ? range : undefined,
      key: digest(repoPath, edit.old.join('\n'), edit.lines.join('\n')),
    };
  });
  // One way to fix a file: suggestions when every edit can be one, else the converted file.
  if (file && proposals.every((p) => p.range)) {
    for (const { edit, range, key } of proposals) {
      if (!range) continue;
      const first = Math.max(edit.start, 1);
      const last = Math.max(edit.end, first);
      const covered = outcome.findings.filter((f) => f.line >= first && f.line <= last);
      plan.suggestions.push({
        key,
        path: repoPath,
        start: range.start,
        end: range.end,
        lines: range.lines,
        findings: covered.map((f) => ({ ...f, file: repoPath })),
      });
      const span = range.end > range.start ? ` (lines ${range.start}–${range.end})` : '';
      items.push({
        ...finding(
          'FLAG-001',
          'warning',
          repoPath,
          range.start,
          `MMSegmentation 0.x code${span}: its 1.x form is suggested in a review comment`,
        ),
        key,
      });
    }
    return plan;
  }
  const message = file
    ? 'MMSegmentation 0.x code whose 1.x form reaches past the lines of this diff: the converted file is in the report comment'
    : 'MMSegmentation 0.x code in a file this pull request does not change';
  for (const { edit, key } of proposals) {
    items.push({
      ...finding('FLAG-002', 'warning', repoPath, Math.max(edit.start, 1), message),
      key,
    });
  }
  if (file) plan.converted = convertedFile(file);
  return plan;
}

/**
 * `prefix` is the migrated folder's path in the repository (`''` or `sub/`):
 * report paths are relative to it, pull request paths to the repository.
 */
export function planFlags(
  report: MigrationReport,
  pullFiles: readonly PullFile[],
  options: { filterMode: FilterMode; prefix?: string },
): FlagPlan {
  const prefix = options.prefix ?? '';
  const mode = options.filterMode;
  const byPath = new Map(pullFiles.filter((f) => f.status !== 'removed').map((f) => [f.path, f]));
  const runFindings = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.file === '') continue;
    const list = runFindings.get(f.file);
    if (list) list.push(f);
    else runFindings.set(f.file, [f]);
  }
  const plan: FlagPlan = {
    filterMode: mode,
    items: [],
    suggestions: [],
    converted: [],
    analysed: 0,
  };
  const outcomes = new Map(report.files.map((f) => [f.path, f]));
  const inPull = (path: string) => byPath.has(`${prefix}${path}`);
  for (const outcome of report.files) {
    const repoPath = `${prefix}${outcome.path}`;
    const file = byPath.get(repoPath);
    if (!file && mode !== 'nofilter') continue;
    if (file) plan.analysed += 1;
    const one = planFile(outcome, repoPath, file, {
      mode,
      runFindings: runFindings.get(outcome.path) ?? [],
      pending: file ? pendingBases(outcome, outcomes, inPull) : [],
    });
    plan.items.push(...one.items);
    plan.suggestions.push(...one.suggestions);
    if (one.converted) plan.converted.push(one.converted);
  }
  // Unreadable files of the pull request have no outcome, only a run finding.
  const seen = new Set(report.files.map((f) => f.path));
  for (const [path, findings] of runFindings) {
    const repoPath = `${prefix}${path}`;
    if (seen.has(path) || (!byPath.has(repoPath) && mode !== 'nofilter')) continue;
    plan.items.push(...findings.map((f) => keyed({ ...f, file: repoPath }, '')));
  }
  plan.items = sortFindings(plan.items) as FlagItem[];
  return plan;
}
