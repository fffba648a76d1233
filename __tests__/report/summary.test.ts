import type { MigrationReport } from '../../src/report/model.js';
import { renderText, summarize, summaryPhrase } from '../../src/report/summary.js';
import { f, threeFileReport } from './fixtures.js';

describe('summarize', () => {
  it('counts files by status, converted configs, findings by severity and files needing attention', () => {
    expect(summarize(threeFileReport())).toEqual({
      files: 4,
      changed: 2,
      unchanged: 1,
      blocked: 1,
      configsConverted: 2,
      findings: { error: 2, warning: 1, info: 2 },
      // the blocked config, the config with a warning, the unreadable file
      needAttention: 3,
    });
  });

  it('counts a path once, leaves info-only files out of attention, ignores run findings without a file', () => {
    const report: MigrationReport = {
      root: '/r',
      files: [
        {
          path: 'a.py',
          role: 'config',
          status: 'changed',
          before: 'x',
          after: 'y',
          findings: [f('LOOP-002', 'info', 'a.py', 1, 'i')],
        },
        {
          path: 'b.py',
          role: 'base-config',
          status: 'changed',
          before: 'x',
          after: 'y',
          findings: [f('LOOP-008', 'warning', 'b.py', 1, 'w')],
        },
        { path: 'run.sh', role: 'shell', status: 'changed', before: 'x', after: 'y', findings: [] },
      ],
      findings: [
        f('IO-001', 'error', 'b.py', 0, 'again'),
        f('IO-001', 'error', '', 0, 'no file'),
        f('LOOP-002', 'info', 'c.py', 0, 'info only'),
      ],
    };
    expect(summarize(report)).toEqual({
      files: 3,
      changed: 3,
      unchanged: 0,
      blocked: 0,
      configsConverted: 2,
      findings: { error: 2, warning: 1, info: 2 },
      needAttention: 1,
    });
    expect(summaryPhrase(summarize(report))).toBe(
      '3 files converted, 1 needs attention (2 errors, 1 warning, 2 info)',
    );
  });
});

describe('renderText', () => {
  it('lists each changed, blocked or flagged file with its findings, then the run, then the verdict', () => {
    expect(renderText(threeFileReport())).toBe(
      [
        'configs/_base_/models/fcn.py: changed',
        'configs/deeplab/dl_r50.py: blocked (1 error)',
        "  configs/deeplab/dl_r50.py:1: error INH-006 both bases define 'model'",
        'configs/fcn/fcn_r50.py: changed (1 warning, 2 info)',
        '  configs/fcn/fcn_r50.py:2: info LOOP-002 EpochBasedRunner',
        '  configs/fcn/fcn_r50.py:4: info SCHED-020 lr_config = None',
        '  configs/fcn/fcn_r50.py:9: warning LOOP-008 workflow is removed',
        'run findings:',
        '  data/weights.py:0: error IO-002 binary file (contains a NUL byte)',
        '',
        'mmseg-migrate: 2 files converted, 1 blocked, 3 need attention (2 errors, 1 warning, 2 info)',
        '',
      ].join('\n'),
    );
  });

  it('is the verdict alone when nothing happened', () => {
    expect(renderText({ root: '/r', files: [], findings: [] })).toBe(
      'mmseg-migrate: 0 files converted, 0 need attention (0 errors, 0 warnings, 0 info)\n',
    );
  });
});
