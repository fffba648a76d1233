/**
 * The report as one JSON document for `--json`: counts, files and findings,
 * without the files' texts unless asked.
 */
import { type Finding, sortFindings } from './findings.js';
import type { FileStatus, MigrationReport } from './model.js';
import type { Role } from '../scan/classify.js';
import { compareCodeUnits } from './findings.js';
import { type ReportSummary, summarize } from './summary.js';

export interface JsonFile {
  path: string;
  role: Role;
  status: FileStatus;
  findings: Finding[];
  before?: string;
  after?: string;
}

export interface JsonReport {
  version: 1;
  summary: ReportSummary;
  files: JsonFile[];
  /** Findings of the run itself, not of one file's outcome. */
  findings: Finding[];
}

export interface JsonOptions {
  /** Include each file's old and new text. */
  includeText?: boolean;
}

export function renderJson(report: MigrationReport, options: JsonOptions = {}): JsonReport {
  const files = [...report.files]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((f): JsonFile => ({
      path: f.path,
      role: f.role,
      status: f.status,
      findings: sortFindings(f.findings),
      ...(options.includeText ? { before: f.before, after: f.after } : {}),
    }));
  return {
    version: 1,
    summary: summarize(report),
    files,
    findings: sortFindings(report.findings),
  };
}
