/**
 * The one findings model every stage reports into: rule ID, severity, file,
 * line, message, and optionally the text before and after a change.
 */
export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  /** Stable rule ID, e.g. `INH-001`, `PY-002` (see the rules' docs). */
  rule: string;
  severity: Severity;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based line; 0 when the finding is about the whole file. */
  line: number;
  message: string;
  before?: string;
  after?: string;
}

export function finding(
  rule: string,
  severity: Severity,
  file: string,
  line: number,
  message: string,
): Finding {
  return { rule, severity, file, line, message };
}

/** Stable order for reports: file, line, rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** File, line, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.rule, b.rule);
}

/**
 * Order by UTF-16 code units, for paths and rule IDs: the same on every
 * machine whatever its locale, and without loading ICU's collation as
 * `localeCompare` does (~8 ms on its first call).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
