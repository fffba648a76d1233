/** Annotations: file and line for each finding, and one aggregate past GitHub's per-step cap. */
import { annotate, type AnnotationProperties } from '../../src/github/annotations.js';
import type { Finding } from '../../src/report/findings.js';

function findingAt(severity: Finding['severity'], i: number): Finding {
  return { rule: `R-${i}`, severity, file: `configs/c${i}.py`, line: i, message: `message ${i}` };
}

function collect(findings: Finding[], prefix?: string) {
  const seen: Array<[string, string, AnnotationProperties]> = [];
  annotate(
    findings,
    {
      error: (m, p) => seen.push(['error', m, p]),
      warning: (m, p) => seen.push(['warning', m, p]),
    },
    { prefix, where: 'see the job summary' },
  );
  return seen;
}

describe('annotate', () => {
  it('annotates errors and warnings on their file and line, not info, with the folder prefix', () => {
    const seen = collect(
      [
        findingAt('error', 3),
        findingAt('info', 4),
        findingAt('warning', 5),
        { rule: 'SCAN-001', severity: 'warning', file: '', line: 0, message: 'run-level' },
        {
          rule: 'INH-013',
          severity: 'error',
          file: 'configs/x.py',
          line: 0,
          message: 'whole file',
        },
      ],
      'sub/',
    );
    expect(seen).toEqual([
      [
        'error',
        'message 3',
        { title: 'mmseg-migrate R-3', file: 'sub/configs/c3.py', startLine: 3 },
      ],
      ['error', 'whole file', { title: 'mmseg-migrate INH-013', file: 'sub/configs/x.py' }],
      [
        'warning',
        'message 5',
        { title: 'mmseg-migrate R-5', file: 'sub/configs/c5.py', startLine: 5 },
      ],
      ['warning', 'run-level', { title: 'mmseg-migrate SCAN-001' }],
    ]);
  });

  it('shows ten of each severity at most: nine findings and one line counting the rest', () => {
    const findings = [
      ...Array.from({ length: 25 }, (_, i) => findingAt('error', i + 1)),
      ...Array.from({ length: 10 }, (_, i) => findingAt('warning', i + 100)),
    ];
    const seen = collect(findings);
    const errors = seen.filter(([s]) => s === 'error');
    const warnings = seen.filter(([s]) => s === 'warning');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map(([, m]) => m)).toEqual(
      Array.from({ length: 9 }, (_, i) => `message ${i + 1}`),
    );
    expect(errors[9]).toEqual([
      'error',
      '16 more errors not annotated here (GitHub shows 10 per step): see the job summary',
      { title: 'mmseg-migrate: 16 more errors' },
    ]);
    // Exactly ten warnings fit: no aggregate line.
    expect(warnings.map(([, m]) => m)).toEqual(
      Array.from({ length: 10 }, (_, i) => `message ${i + 100}`),
    );
  });
});
