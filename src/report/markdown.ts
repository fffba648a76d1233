/**
 * The report as GitHub-flavoured Markdown: the pull request body, the sticky
 * comment and the job summary. GitHub rejects a body or comment over 65,536
 * characters, so a large report is shortened in stages, each one still valid
 * Markdown with every `<details>` closed: info findings grouped by rule, then
 * per-file findings kept only for the first files (the table keeps every
 * file's counts), then the file table cut, always with a closing line saying
 * what was left out and where the full report is.
 */
import { compareCodeUnits, type Finding, type Severity, sortFindings } from './findings.js';
import type { FileStatus, MigrationReport } from './model.js';
import { ruleDoc } from './rule-docs.js';
import {
  countSeverities,
  plural,
  presentSeverities,
  type SeverityCounts,
  summarize,
  summaryPhrase,
} from './summary.js';

export interface MarkdownOptions {
  /**
   * Longest output as a JavaScript string length (UTF-16 code units, never
   * fewer than the characters GitHub counts). `Infinity` for the full report.
   */
  maxChars?: number;
  /** Where the complete report can be read (a job summary, an artifact). */
  detailsUrl?: string;
  /** Repository path of the complete report, when it is committed. */
  fullReportPath?: string;
  /** A heading above the summary line. */
  title?: string;
  /** Link target for a file's name in the table, e.g. its blob URL on the PR branch. */
  fileUrl?: (path: string) => string;
  /** `false`: the summary and the file table only, for a pull request body whose comment has the findings. */
  details?: boolean;
}

export const GITHUB_BODY_LIMIT = 65536;

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '❌ error',
  warning: '⚠️ warning',
  info: 'ℹ️ info',
};

const STATUS_LABEL: Record<FileStatus, string> = {
  changed: '✅ converted',
  unchanged: 'unchanged',
  blocked: '⛔ blocked',
};

/** One row of the report: a file's outcome, with its findings sorted. */
interface Entry {
  path: string;
  status: FileStatus;
  findings: Finding[];
  counts: SeverityCounts;
}

/** `info: 'rows'` lists each info finding; `'grouped'` only counts them per rule. */
type InfoMode = 'rows' | 'grouped';

// ---------------------------------------------------------------- escaping

/**
 * Text from findings inside a table cell: no Markdown, no HTML, no cell
 * break. Entities for HTML, backslashes for Markdown punctuation (GFM honours
 * `\|` as a literal pipe inside a cell), `<br>` for line breaks.
 */
export function escapeCell(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]~|]/g, '\\$&')
      .replace(/\r\n|\r|\n/g, '<br>')
      // `@name` in a PR comment would notify whoever holds that name.
      .replace(/@(?=\w)/g, '@\u200b')
  );
}

/** Text as HTML element content or attribute value; also safe inside a table cell. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\s+/g, ' ')
    .replace(/@(?=\w)/g, '@\u200b');
}

/** A path as a code span in a table cell (a pipe still needs its backslash there). */
export function pathCell(path: string, fileUrl?: (path: string) => string): string {
  const code = /[`\r\n]/.test(path) ? escapeCell(path) : `\`${path.replace(/\|/g, '\\|')}\``;
  return fileUrl ? `[${code}](${linkTarget(fileUrl(path))})` : code;
}

/** A URL as a Markdown link destination; the angle-bracket form allows spaces and parentheses. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s|]/g, (c) => encodeURIComponent(c))}>`;
}

/** Rule documentation is ours: its backticks are code, only a pipe would break the cell. */
function trustedCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 file`, `1,242 files`. */
function countOf(n: number, one: string, many: string): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- pieces

export function ruleCell(id: string): string {
  const doc = ruleDoc(id);
  return doc ? `<abbr title="${escapeHtml(doc.summary)}">${escapeHtml(id)}</abbr>` : escapeCell(id);
}

function lineCell(line: number): string {
  return line > 0 ? String(line) : '';
}

function findingsTable(findings: readonly Finding[], withFile: boolean): string {
  const head = withFile
    ? '| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n'
    : '| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n';
  const rows = findings.map((f) => {
    const cells = [
      lineCell(f.line),
      SEVERITY_LABEL[f.severity],
      ruleCell(f.rule),
      escapeCell(f.message),
    ];
    if (withFile) cells.unshift(f.file === '' ? '' : pathCell(f.file));
    return `| ${cells.join(' | ')} |\n`;
  });
  return head + rows.join('');
}

/** Info findings counted per rule, rules in ID order, with what each rule means. */
function groupedInfoTable(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const rows = [...counts]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(
      ([id, n]) => `| ${escapeCell(id)} | ${n} | ${trustedCell(ruleDoc(id)?.summary ?? '')} |\n`,
    );
  return '| Rule | Count | Summary |\n| --- | ---: | --- |\n' + rows.join('');
}

export function details(summaryHtml: string, body: string): string {
  return `<details>\n<summary>${summaryHtml}</summary>\n\n${body}\n</details>\n`;
}

/** Warnings and errors as rows, info findings in a nested collapsed block. */
function findingsBody(findings: readonly Finding[], info: InfoMode, withFile: boolean): string {
  const serious = findings.filter((f) => f.severity !== 'info');
  const infos = findings.filter((f) => f.severity === 'info');
  const parts: string[] = [];
  if (serious.length > 0) parts.push(findingsTable(serious, withFile));
  if (infos.length > 0) {
    const table = info === 'rows' ? findingsTable(infos, withFile) : groupedInfoTable(infos);
    parts.push(details(plural(infos.length, 'info finding', 'info findings'), table));
  }
  return parts.join('\n');
}

function fileDetails(entry: Entry, info: InfoMode): string {
  const label = `${STATUS_LABEL[entry.status]}: ${presentSeverities(entry.counts)}`;
  const summary = `<code>${escapeHtml(entry.path)}</code> — ${label}`;
  return details(summary, findingsBody(entry.findings, info, false));
}

function runDetails(findings: readonly Finding[], info: InfoMode): string {
  const summary = `Findings about the run: ${presentSeverities(countSeverities(findings))}`;
  return details(summary, findingsBody(findings, info, true));
}

const TABLE_HEAD =
  '| File | Status | Errors | Warnings | Info |\n| --- | --- | ---: | ---: | ---: |\n';

function tableRow(entry: Entry, fileUrl?: (path: string) => string): string {
  const { error, warning, info } = entry.counts;
  const cells = [pathCell(entry.path, fileUrl), STATUS_LABEL[entry.status], error, warning, info];
  return `| ${cells.join(' | ')} |\n`;
}

function header(report: MigrationReport, title?: string): string {
  const s = summarize(report);
  const lines = [];
  if (title) lines.push(`## ${escapeCell(title)}\n\n`);
  lines.push(`**mmseg-migrate**: ${summaryPhrase(s)}\n\n`);
  lines.push(
    `${plural(s.files, 'file', 'files')} scanned: ${s.changed} changed ` +
      `(${plural(s.configsConverted, 'config', 'configs')}), ` +
      `${s.unchanged} unchanged, ${s.blocked} blocked.\n`,
  );
  return lines.join('');
}

// ---------------------------------------------------------------- order

/** Blocked first, then files with errors, then with warnings, then the rest; by path within. */
function attentionRank(entry: Entry): number {
  if (entry.status === 'blocked') return 0;
  if (entry.counts.error > 0) return 1;
  if (entry.counts.warning > 0) return 2;
  return 3;
}

function entries(report: MigrationReport): Entry[] {
  return report.files
    .filter((f) => f.status !== 'unchanged' || f.findings.length > 0)
    .map((f) => ({
      path: f.path,
      status: f.status,
      findings: sortFindings(f.findings),
      counts: countSeverities(f.findings),
    }))
    .sort((a, b) => attentionRank(a) - attentionRank(b) || compareCodeUnits(a.path, b.path));
}

// ---------------------------------------------------------------- assembly

/** Where the reader finds what a shortened report leaves out. */
function pointer(options: MarkdownOptions): string {
  const places: string[] = [];
  if (options.detailsUrl) places.push(`[the full report](${linkTarget(options.detailsUrl)})`);
  if (options.fullReportPath) places.push(pathCell(options.fullReportPath));
  if (places.length === 0) return 'run `npx mmseg-migrate --json` for every finding';
  return `every finding is in ${places.join(' and in ')}`;
}

/** Blocks join with one blank line between them; each block ends with a newline. */
function join(blocks: readonly string[]): string {
  return blocks.join('\n');
}

function joinedLength(blocks: readonly string[]): number {
  return blocks.reduce((n, b) => n + b.length, 0) + Math.max(0, blocks.length - 1);
}

/**
 * Renders the report within `maxChars`. Output is a function of the report
 * and the options alone: same input, same text.
 */
export function renderMarkdown(report: MigrationReport, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? GITHUB_BODY_LIMIT;
  const limitText = `${thousands(maxChars)} characters`;
  const rows = entries(report);
  const withFindings = rows.filter((e) => e.findings.length > 0);
  const runFindings = sortFindings(report.findings);
  const head = header(report, options.title);
  const table =
    rows.length > 0
      ? TABLE_HEAD + rows.map((e) => tableRow(e, options.fileUrl)).join('')
      : 'No file needed a change.\n';

  const detailBlocks = (info: InfoMode): string[] => [
    ...(runFindings.length > 0 ? [runDetails(runFindings, info)] : []),
    ...withFindings.map((e) => fileDetails(e, info)),
  ];

  const full = join([head, table, ...(options.details === false ? [] : detailBlocks('rows'))]);
  if (full.length <= maxChars) return full;

  if (options.details !== false) {
    const shortened = withinLimit();
    if (shortened !== undefined) return shortened;
  }
  return tableWithin();

  /** The details, shortened in stages; undefined when even the table does not fit with them. */
  function withinLimit(): string | undefined {
    const grouped = detailBlocks('grouped');
    const groupedNote =
      `**Shortened** to stay within ${limitText}: info findings are counted per rule; ` +
      `${pointer(options)}.\n`;
    const stageInfo = join([head, table, ...grouped, groupedNote]);
    if (stageInfo.length <= maxChars) return stageInfo;

    // Keep the findings of a prefix of the blocks, the run's own first, files in table order.
    const detailNote = (omittedFiles: number, runOmitted: boolean) =>
      `**Shortened** to stay within ${limitText}: info findings are counted per rule and the ` +
      `findings of ${countOf(omittedFiles, 'file', 'files')}` +
      `${runOmitted ? ' and of the run' : ''} are not shown ` +
      `(the table keeps each file's counts); ${pointer(options)}.\n`;
    const hasRunBlock = runFindings.length > 0;
    const reserve = detailNote(withFindings.length, hasRunBlock).length;
    let used = joinedLength([head, table]) + 1 + reserve;
    if (used <= maxChars) {
      const kept: string[] = [];
      for (const block of grouped) {
        if (used + block.length + 1 > maxChars) break;
        kept.push(block);
        used += block.length + 1;
      }
      const runOmitted = hasRunBlock && kept.length === 0;
      const keptFiles = kept.length - (hasRunBlock && !runOmitted ? 1 : 0);
      const note = detailNote(withFindings.length - keptFiles, runOmitted);
      return join([head, table, ...kept, note]);
    }
    return undefined;
  }

  /** The table alone, cut to the first files that fit. */
  function tableWithin(): string {
    // Even the table is too long: list the first files only.
    const tableNote = (omitted: number) =>
      `**Truncated** to stay within ${limitText}: ` +
      `${countOf(omitted, 'more file is', 'more files are')} not listed ` +
      `and no findings are shown; ${pointer(options)}.\n`;
    const tableReserve = tableNote(rows.length).length;
    let tableUsed = joinedLength([head, TABLE_HEAD]) + 1 + tableReserve;
    if (tableUsed <= maxChars) {
      const kept: string[] = [];
      for (const entry of rows) {
        const row = tableRow(entry, options.fileUrl);
        if (tableUsed + row.length > maxChars) break;
        kept.push(row);
        tableUsed += row.length;
      }
      const omitted = rows.length - kept.length;
      const note =
        omitted > 0
          ? tableNote(omitted)
          : `**Truncated** to stay within ${limitText}: no findings are shown; ${pointer(options)}.\n`;
      return join([head, TABLE_HEAD + kept.join(''), note]);
    }

    // A limit smaller than any table: the verdict alone, as plain text.
    return `mmseg-migrate: ${summaryPhrase(summarize(report))}\n`.slice(0, maxChars);
  }
}
