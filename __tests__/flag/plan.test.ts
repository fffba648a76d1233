import { planFlags } from '../../src/flag/plan.js';
import type { MigrationReport } from '../../src/report/model.js';

const report: MigrationReport = {
  root: '/repo',
  findings: [],
  files: [
    {
      path: 'configs/big.py',
      role: 'config',
      status: 'unchanged',
      // The report keeps no text for files the migration leaves alone.
      before: '',
      after: '',
      findings: [
        { rule: 'DET-009', severity: 'warning', file: 'configs/big.py', line: 3, message: 'm' },
      ],
    },
  ],
};

describe('planFlags', () => {
  it('keeps a finding on any line of an added file GitHub sends no patch for', () => {
    const plan = planFlags(report, [{ path: 'configs/big.py', status: 'added' }], {
      filterMode: 'added',
    });
    expect(plan.items.map((i) => [i.rule, i.line])).toEqual([['DET-009', 3]]);
  });

  it('drops it on a modified file without a patch, where no added line is known', () => {
    const plan = planFlags(report, [{ path: 'configs/big.py', status: 'modified' }], {
      filterMode: 'added',
    });
    expect(plan.items).toEqual([]);
    expect(plan.analysed).toBe(1);
  });
});
