/**
 * The counts every report shows: how many files changed, stayed, or were
 * blocked, and how many findings of each severity the run produced.
 */
import { compareCodeUnits, type Finding, type Severity } from './findings.js';
import type { FileOutcome, MigrationReport } from './model.js';
import { formatFindingsText } from './text.js';

export type SeverityCounts = Record<Severity, number>;

export interface ReportSummary {
  /** Every file the run looked at. */
  files: number;
  changed: number;
  unchanged: number;
  blocked: number;
  /** Changed files that are configs or base configs. */
  configsConverted: number;
  /** Findings of the files and of the run together. */
  findings: SeverityCounts;
  /**
   * Distinct paths that a reviewer must look at: blocked files and files with
   * a warning or an error, whether the finding belongs to the file's outcome
   * or to the run.
   */
  needAttention: number;
}

/** `--fail-on` / `fail-on`: the least severity that fails a run. */
export const FAIL_ON = ['never', 'error', 'warning'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value);
}

/** How many findings of these counts are at or above `failOn`. */
export function failingCount(counts: SeverityCounts, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  return counts.error + (failOn === 'warning' ? counts.warning : 0);
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function isSerious(f: Finding): boolean {
  return f.severity !== 'info';
}

export function needsAttention(file: FileOutcome): boolean {
  return file.status === 'blocked' || file.findings.some(isSerious);
}

export function summarize(report: MigrationReport): ReportSummary {
  const attention = new Set<string>();
  let changed = 0;
  let unchanged = 0;
  let blocked = 0;
  let configsConverted = 0;
  const findings: SeverityCounts = countSeverities(report.findings);
  for (const file of report.files) {
    if (file.status === 'changed') {
      changed += 1;
      if (file.role === 'config' || file.role === 'base-config') configsConverted += 1;
    } else if (file.status === 'unchanged') {
      unchanged += 1;
    } else {
      blocked += 1;
    }
    if (needsAttention(file)) attention.add(file.path);
    for (const f of file.findings) findings[f.severity] += 1;
  }
  for (const f of report.findings) if (isSerious(f) && f.file !== '') attention.add(f.file);
  return {
    files: report.files.length,
    changed,
    unchanged,
    blocked,
    configsConverted,
    findings,
    needAttention: attention.size,
  };
}

/** `1 file` / `2 files`: counts in prose. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1 error, 5 warnings, 40 info`. */
export function severityPhrase(counts: SeverityCounts): string {
  return [
    plural(counts.error, 'error', 'errors'),
    plural(counts.warning, 'warning', 'warnings'),
    `${counts.info} info`,
  ].join(', ');
}

/**
 * The one-line verdict, without markup:
 * `14 files converted, 1 blocked, 3 need attention (1 error, 5 warnings, 40 info)`.
 */
export function summaryPhrase(summary: ReportSummary): string {
  const parts = [plural(summary.changed, 'file converted', 'files converted')];
  if (summary.blocked > 0) parts.push(`${summary.blocked} blocked`);
  parts.push(
    `${summary.needAttention} ${summary.needAttention === 1 ? 'needs' : 'need'} attention`,
  );
  return `${parts.join(', ')} (${severityPhrase(summary.findings)})`;
}

/** `1 error, 2 info`: only the severities present; empty when there are none. */
export function presentSeverities(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error', 'errors'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning', 'warnings'));
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return parts.join(', ');
}

function indent(lines: string): string {
  return lines.replace(/^(?=.)/gm, '  ');
}

/**
 * The report for a terminal: each changed or blocked file, and each other
 * file with findings, as a header line and its findings in the
 * `file:line: severity RULE message` form editors jump to; then the run's own
 * findings; then the summary line.
 */
export function renderText(report: MigrationReport): string {
  const files = report.files
    .filter((f) => f.status !== 'unchanged' || f.findings.length > 0)
    .sort((a, b) => compareCodeUnits(a.path, b.path));
  const sections = files.map((f) => {
    const counts = presentSeverities(countSeverities(f.findings));
    const header = `${f.path}: ${f.status}${counts ? ` (${counts})` : ''}\n`;
    return header + indent(formatFindingsText(f.findings));
  });
  if (report.findings.length > 0) {
    sections.push(`run findings:\n${indent(formatFindingsText(report.findings))}`);
  }
  const verdict = `mmseg-migrate: ${summaryPhrase(summarize(report))}\n`;
  return sections.length > 0 ? `${sections.join('')}\n${verdict}` : verdict;
}
