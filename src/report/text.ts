/** Findings as plain text lines, in the `file:line: severity RULE message` form of compilers and linters. */
import { type Finding, sortFindings } from './findings.js';

export function formatFindingsText(findings: readonly Finding[]): string {
  return sortFindings(findings)
    .map((f) => `${f.file}:${f.line}: ${f.severity} ${f.rule} ${f.message}\n`)
    .join('');
}
