/**
 * The bot's sticky comment on a pull request: the findings on the lines the
 * filter mode keeps, the items fixed since the last run struck through, and
 * the 1.x text of each file whose fix is not a suggestion. The comment
 * carries what it listed in a hidden block, so the next run knows what was
 * fixed without any storage of its own.
 */
import type { Finding } from '../report/findings.js';
import {
  details,
  escapeCell,
  escapeHtml,
  GITHUB_BODY_LIMIT,
  pathCell,
  ruleCell,
  SEVERITY_LABEL,
} from '../report/markdown.js';
import { countSeverities, plural, presentSeverities } from '../report/summary.js';
import type { ConvertedFile, FlagItem, FlagPlan } from './plan.js';

export const FLAG_MARKER = '<!-- mmseg-migrate:flag -->';
const STATE_OPEN = '<!-- mmseg-migrate:flag-state ';
const STATE_CLOSE = ' -->';
/** Rows the carried state keeps, open ones first: it must leave the comment room. */
const STATE_ROWS = 60;
/** Characters of a message the state keeps. */
const STATE_MESSAGE = 160;
/** Room kept for the marker. */
const RESERVE = 1000;

type Row = Pick<Finding, 'rule' | 'severity' | 'file' | 'line' | 'message'>;

/** What one comment listed: its open items and the fixed ones it still shows, by key. */
export interface FlagState {
  open: Record<string, Row>;
  fixed: Record<string, Row>;
}

export interface FlagCommentPlace {
  /** Link for a file at a line, e.g. its blob at the head commit. */
  lineUrl?: (path: string, line: number) => string;
  /** The workflow run whose job summary has everything. */
  runUrl?: string;
}

export interface FlagComment {
  /** The body without the marker. */
  body: string;
  state: FlagState;
  /** Nothing is open. */
  clear: boolean;
}

function row(item: Finding): Row {
  const { rule, severity, file, line, message } = item;
  return { rule, severity, file, line, message };
}

function shortRow(r: Row): Row {
  return r.message.length > STATE_MESSAGE
    ? { ...r, message: `${r.message.slice(0, STATE_MESSAGE - 1)}…` }
    : r;
}

/** The state a previous comment carried; `undefined` when it has none or it is unreadable. */
export function readFlagState(body: string): FlagState | undefined {
  const start = body.indexOf(STATE_OPEN);
  if (start < 0) return undefined;
  const end = body.indexOf(STATE_CLOSE, start + STATE_OPEN.length);
  if (end < 0) return undefined;
  try {
    const json = Buffer.from(body.slice(start + STATE_OPEN.length, end), 'base64').toString('utf8');
    const state = JSON.parse(json) as FlagState;
    if (typeof state?.open !== 'object' || typeof state?.fixed !== 'object') return undefined;
    return { open: state.open ?? {}, fixed: state.fixed ?? {} };
  } catch {
    return undefined;
  }
}

function writeState(state: FlagState): string {
  const json = JSON.stringify(state);
  return `${STATE_OPEN}${Buffer.from(json, 'utf8').toString('base64')}${STATE_CLOSE}`;
}

/** What this run lists: its items open, the previous open ones that are gone now fixed. */
export function nextState(items: readonly FlagItem[], previous: FlagState | undefined): FlagState {
  const open: Record<string, Row> = {};
  const current = new Set(items.map((i) => i.key));
  for (const item of items.slice(0, STATE_ROWS)) open[item.key] = shortRow(row(item));
  const fixed: Record<string, Row> = {};
  const gone = [
    ...Object.entries(previous?.open ?? {}),
    ...Object.entries(previous?.fixed ?? {}),
  ].filter(([key]) => !current.has(key));
  for (const [key, r] of gone.slice(0, Math.max(0, STATE_ROWS - Object.keys(open).length))) {
    fixed[key] = r;
  }
  return { open, fixed };
}

function fileCell(r: Row, place: FlagCommentPlace): string {
  if (r.file === '') return '';
  const url = place.lineUrl;
  return pathCell(r.file, url ? (path) => url(path, r.line) : undefined);
}

function table(rows: readonly Row[], place: FlagCommentPlace): string {
  const head = '| | File | Line | Rule | Finding |\n| --- | --- | ---: | --- | --- |\n';
  return (
    head +
    rows
      .map(
        (r) =>
          `| ${SEVERITY_LABEL[r.severity]} | ${fileCell(r, place)} | ${r.line > 0 ? r.line : ''} | ${ruleCell(r.rule)} | ${escapeCell(r.message)} |\n`,
      )
      .join('')
  );
}

function fixedTable(rows: readonly Row[]): string {
  const head = '| | File | Rule | Finding |\n| --- | --- | --- | --- |\n';
  return (
    head +
    rows
      .map(
        (r) =>
          `| ✅ | ~~${escapeCell(r.file)}~~ | ~~${escapeCell(r.rule)}~~ | ~~${escapeCell(r.message)}~~ |\n`,
      )
      .join('')
  );
}

const LANGUAGE: Record<string, string> = {
  py: 'python',
  sh: 'bash',
  bash: 'bash',
  md: 'markdown',
  yml: 'yaml',
  yaml: 'yaml',
  ipynb: 'json',
};

/** A fenced block longer than any backtick run inside it, so no text closes it early. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}\n`;
}

function convertedBlock(file: ConvertedFile, room: number, runUrl?: string): string {
  const language = LANGUAGE[file.path.split('.').pop() ?? ''] ?? '';
  const verb = file.added ? 'as added here, converted' : 'converted';
  const summary = `<code>${escapeHtml(file.path)}</code> — ${verb} for MMSegmentation 1.x`;
  const full = details(summary, fenced(file.text, language));
  if (full.length <= room) return full;
  const where = runUrl ? `the job summary of ${runUrl}` : 'the job summary';
  return details(summary, `Too long to show here: see ${where}.\n`);
}

function filterPhrase(mode: FlagPlan['filterMode']): string {
  switch (mode) {
    case 'added':
      return 'on the lines this pull request adds';
    case 'diff_context':
      return 'in the hunks of this pull request';
    case 'file':
      return 'in the files this pull request changes';
    case 'nofilter':
      return 'in the repository';
  }
}

/**
 * The comment for `plan`, given the state the previous comment carried.
 * `maxChars` bounds the whole body (GitHub's limit by default): converted
 * files that do not fit say where to read them, then rows are cut.
 */
export function renderFlagComment(
  plan: FlagPlan,
  previous: FlagState | undefined,
  place: FlagCommentPlace = {},
  maxChars = GITHUB_BODY_LIMIT - RESERVE,
): FlagComment {
  const state = nextState(plan.items, previous);
  const stateText = writeState(state);
  maxChars -= stateText.length;
  const fixedRows = Object.values(state.fixed);
  const clear = plan.items.length === 0;
  const where = filterPhrase(plan.filterMode);
  const parts: string[] = [];
  if (clear) {
    parts.push(`### mmseg-migrate: all clear ✅\n\nNo MMSegmentation 0.x code ${where}.\n`);
  } else {
    const tally = presentSeverities(countSeverities(plan.items));
    const extras: string[] = [];
    if (plan.suggestions.length > 0) {
      extras.push(
        plan.suggestions.length === 1
          ? '1 fix is suggested in a review comment'
          : `${plan.suggestions.length} fixes are suggested in review comments`,
      );
    }
    if (plan.converted.length > 0) {
      extras.push(`the 1.x text of ${plural(plan.converted.length, 'file', 'files')} is below`);
    }
    parts.push(
      `### mmseg-migrate: MMSegmentation 0.x code in this pull request\n\n` +
        `${plural(plan.items.length, 'finding', 'findings')} ${where} (${tally})` +
        `${extras.length > 0 ? `; ${extras.join('; ')}` : ''}.\n`,
    );
  }
  const budget = maxChars - parts[0].length;
  let rows = plan.items.map(row);
  let shownFixed = fixedRows;
  const measure = () =>
    (rows.length > 0 ? table(rows, place).length : 0) +
    (shownFixed.length > 0 ? fixedTable(shownFixed).length + 60 : 0);
  while (measure() > budget && (rows.length > 1 || shownFixed.length > 0)) {
    if (shownFixed.length > 0) shownFixed = shownFixed.slice(0, Math.floor(shownFixed.length / 2));
    else rows = rows.slice(0, Math.ceil(rows.length / 2));
  }
  if (rows.length > 0) {
    const cut = plan.items.length - rows.length;
    const more =
      cut > 0
        ? `\n${plural(cut, 'more finding is', 'more findings are')} in ${place.runUrl ? `the job summary of ${place.runUrl}` : 'the job summary'}.\n`
        : '';
    parts.push(table(rows, place) + more);
  }
  if (shownFixed.length > 0) {
    parts.push(`Fixed since an earlier run:\n\n${fixedTable(shownFixed)}`);
  }
  let used = parts.reduce((n, p) => n + p.length + 1, 0);
  for (const file of plan.converted) {
    const block = convertedBlock(file, Math.max(0, maxChars - used - 400), place.runUrl);
    parts.push(block);
    used += block.length + 1;
  }
  return { body: `${parts.join('\n')}\n${stateText}\n`, state, clear };
}
