import { renderJson } from '../../src/report/json.js';
import { threeFileReport } from './fixtures.js';

describe('renderJson', () => {
  it('gives version, summary, files in path order with sorted findings, and the run findings', () => {
    const json = renderJson(threeFileReport());
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      version: 1,
      summary: {
        files: 4,
        changed: 2,
        unchanged: 1,
        blocked: 1,
        configsConverted: 2,
        findings: { error: 2, warning: 1, info: 2 },
        needAttention: 3,
      },
      files: [
        { path: 'README.md', role: 'markdown', status: 'unchanged', findings: [] },
        {
          path: 'configs/_base_/models/fcn.py',
          role: 'base-config',
          status: 'changed',
          findings: [],
        },
        {
          path: 'configs/deeplab/dl_r50.py',
          role: 'config',
          status: 'blocked',
          findings: [
            {
              rule: 'INH-006',
              severity: 'error',
              file: 'configs/deeplab/dl_r50.py',
              line: 1,
              message: "both bases define 'model'",
            },
          ],
        },
        {
          path: 'configs/fcn/fcn_r50.py',
          role: 'config',
          status: 'changed',
          findings: [
            {
              rule: 'LOOP-002',
              severity: 'info',
              file: 'configs/fcn/fcn_r50.py',
              line: 2,
              message: 'EpochBasedRunner',
            },
            {
              rule: 'SCHED-020',
              severity: 'info',
              file: 'configs/fcn/fcn_r50.py',
              line: 4,
              message: 'lr_config = None',
            },
            {
              rule: 'LOOP-008',
              severity: 'warning',
              file: 'configs/fcn/fcn_r50.py',
              line: 9,
              message: 'workflow is removed',
            },
          ],
        },
      ],
      findings: [
        {
          rule: 'IO-002',
          severity: 'error',
          file: 'data/weights.py',
          line: 0,
          message: 'binary file (contains a NUL byte)',
        },
      ],
    });
  });

  it("includes each file's old and new text only when asked, and a finding's own before/after always", () => {
    const report = threeFileReport();
    report.files[0].findings[0] = {
      ...report.files[0].findings[0],
      before: "workflow = [('train', 1)]",
      after: '',
    };
    const plain = renderJson(report);
    expect(plain.files.every((file) => !('before' in file) && !('after' in file))).toBe(true);
    const fcn = plain.files.find((file) => file.path === 'configs/fcn/fcn_r50.py')!;
    expect(fcn.findings[2]).toEqual({
      rule: 'LOOP-008',
      severity: 'warning',
      file: 'configs/fcn/fcn_r50.py',
      line: 9,
      message: 'workflow is removed',
      before: "workflow = [('train', 1)]",
      after: '',
    });
    const withText = renderJson(report, { includeText: true });
    const base = withText.files.find((file) => file.path === 'configs/_base_/models/fcn.py')!;
    expect(base.before).toBe(report.files[1].before);
    expect(base.after).toBe(report.files[1].after);
  });

  it('does not reorder the report it was given', () => {
    const report = threeFileReport();
    const paths = report.files.map((file) => file.path);
    renderJson(report);
    expect(report.files.map((file) => file.path)).toEqual(paths);
  });
});
