/** The scan result as a human-readable listing or as JSON. */
import { formatFindingsText } from '../report/text.js';
import type { ScanResult } from '../scan/scan.js';

export function formatScanText(result: ScanResult): string {
  const rows = result.files.filter((f) => f.role !== 'other');
  const width = Math.max(4, ...rows.map((f) => f.path.length));
  const lines = rows.map((f) => {
    const verdict = f.version ?? '';
    const keys = [...new Set(f.signals.map((s) => s.key))];
    if (f.verdictBy === 'chain') keys.push('(by its _base_ chain)');
    const signals = keys.length > 0 ? `  ${keys.join(', ')}` : '';
    return `${f.path.padEnd(width)}  ${f.role.padEnd(11)}  ${verdict.padEnd(12)}${signals}`.trimEnd();
  });
  const configs = rows.filter((f) => f.role === 'config' || f.role === 'base-config');
  const old = configs.filter((f) => f.version === '0.x').length;
  const summary = `${rows.length} files, ${configs.length} configs (${old} on 0.x)`;
  const findings = [...result.findings, ...rows.flatMap((f) => f.findings)];
  return [...lines, '', summary, ''].join('\n') + formatFindingsText(findings);
}

export function scanToJson(result: ScanResult): unknown {
  return {
    root: result.root,
    files: result.files.map((f) => ({
      path: f.path,
      role: f.role,
      ...(f.version ? { version: f.version } : {}),
      ...(f.verdictBy ? { verdictBy: f.verdictBy } : {}),
      signals: f.signals,
      findings: f.findings,
    })),
    findings: result.findings,
  };
}
