/** Small migration reports for the renderers' tests. */
import type { Finding, Severity } from '../../src/report/findings.js';
import type { FileOutcome, MigrationReport } from '../../src/report/model.js';

export function f(
  rule: string,
  severity: Severity,
  file: string,
  line: number,
  message: string,
): Finding {
  return { rule, severity, file, line, message };
}

/**
 * Three files: a converted config with a warning and two infos, a blocked
 * config with an error, a clean converted base; plus one untouched README
 * and one unreadable file reported by the run.
 */
export function threeFileReport(): MigrationReport {
  const files: FileOutcome[] = [
    {
      path: 'configs/fcn/fcn_r50.py',
      role: 'config',
      status: 'changed',
      before: "_base_ = './base.py'\nrunner = dict(type='IterBasedRunner', max_iters=80000)\n",
      after: "_base_ = './base.py'\ntrain_cfg = dict(type='IterBasedTrainLoop', max_iters=80000)\n",
      findings: [
        f('LOOP-008', 'warning', 'configs/fcn/fcn_r50.py', 9, 'workflow is removed'),
        f('SCHED-020', 'info', 'configs/fcn/fcn_r50.py', 4, 'lr_config = None'),
        f('LOOP-002', 'info', 'configs/fcn/fcn_r50.py', 2, 'EpochBasedRunner'),
      ],
    },
    {
      path: 'configs/_base_/models/fcn.py',
      role: 'base-config',
      status: 'changed',
      before: "norm_cfg = dict(type='SyncBN')\nmodel = dict(\n    type='EncoderDecoder')\n",
      after:
        "norm_cfg = dict(type='SyncBN')\ndata_preprocessor = dict(type='SegDataPreProcessor')\n" +
        "model = dict(\n    type='EncoderDecoder',\n    data_preprocessor=data_preprocessor)\n",
      findings: [],
    },
    {
      path: 'configs/deeplab/dl_r50.py',
      role: 'config',
      status: 'blocked',
      before: "_base_ = ['a.py', 'b.py']\n",
      after: "_base_ = ['a.py', 'b.py']\n",
      findings: [
        f('INH-006', 'error', 'configs/deeplab/dl_r50.py', 1, "both bases define 'model'"),
      ],
    },
    {
      path: 'README.md',
      role: 'markdown',
      status: 'unchanged',
      before: '# demo\n',
      after: '# demo\n',
      findings: [],
    },
  ];
  return {
    root: '/repo',
    files,
    findings: [f('IO-002', 'error', 'data/weights.py', 0, 'binary file (contains a NUL byte)')],
  };
}

/**
 * `files` configs with `perFile` findings each: one error, a few warnings
 * and mostly info, with messages of realistic length.
 */
export function largeReport(files: number, perFile: number): MigrationReport {
  const rules: [string, Severity][] = [
    ['SCHED-001', 'error'],
    ['PIPE-003', 'warning'],
    ['LOOP-008', 'warning'],
    ['DATA-001', 'info'],
    ['SCHED-007', 'info'],
    ['PIPE-009', 'info'],
  ];
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < files; i++) {
    const path = `configs/model_${String(i).padStart(4, '0')}/config_512x1024_80k_cityscapes.py`;
    const findings: Finding[] = [];
    for (let j = 0; j < perFile; j++) {
      const [rule, severity] = j === 0 ? rules[0] : j < 3 ? rules[j] : rules[3 + (j % 3)];
      findings.push(
        f(rule, severity, path, j * 3 + 1, `key ${j} of data.train.pipeline[${j}] is rewritten`),
      );
    }
    outcomes.push({
      path,
      role: 'config',
      status: i % 50 === 7 ? 'blocked' : 'changed',
      before: 'a = 1\n',
      after: 'a = 2\n',
      findings,
    });
  }
  return { root: '/repo', files: outcomes, findings: [] };
}
