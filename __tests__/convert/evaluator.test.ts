import { convertEvaluators, evaluationParts } from '../../src/convert/evaluator.js';
import { getPath, opaque, withEntry, type DictValue } from '../../src/python/values.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/e.py' };
const DATA = `data = dict(val=dict(type='CityscapesDataset'), test=dict(type='CityscapesDataset'))`;

function run(source: string, old: DictValue = py(source, 'configs/e.py')) {
  const r = convertEvaluators({ old, out: old, ctx });
  return { out: r.out, findings: r.findings.map((f) => [f.rule, f.severity, f.line]) };
}

const expected = (source: string) => show(py(source).entries.get('x'));

describe('convertEvaluators', () => {
  it('writes the default IoUMetric without evaluation, and aliases test to val (EVAL-001, EVAL-009)', () => {
    const r = run(DATA);
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    expect(getPath(r.out, ['test_evaluator'])).toBe(getPath(r.out, ['val_evaluator']));
    expect(r.findings).toEqual([]);
  });

  it('takes the metric names from evaluation.metric, a str or a list (EVAL-001)', () => {
    const one = run(`${DATA}\nevaluation = dict(interval=4000, metric='mDice')`);
    expect(show(getPath(one.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mDice'])`),
    );
    const two = run(`${DATA}\nevaluation = dict(metric=['mIoU', 'mFscore'])`);
    expect(show(getPath(two.out, ['test_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU', 'mFscore'])`),
    );
    expect(two.findings).toEqual([]);
  });

  it('keeps an invalid metric name and reports it (EVAL-001)', () => {
    const r = run(`${DATA}\nevaluation = dict(metric=['mIoU',\n    'mAP'])`);
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU', 'mAP'])`),
    );
    expect(r.findings).toEqual([['EVAL-001', 'error', 3]]);
  });

  it('writes CityscapesMetric alone or after an IoUMetric (EVAL-002)', () => {
    const alone = run(`${DATA}\nevaluation = dict(metric='cityscapes')`);
    expect(show(getPath(alone.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='CityscapesMetric', output_dir='.format_cityscapes')`),
    );
    expect(alone.findings).toEqual([['EVAL-002', 'info', 2]]);
    const both = run(
      `${DATA}\nevaluation = dict(metric=['mIoU', 'cityscapes'], imgfile_prefix='out/city')`,
    );
    expect(show(getPath(both.out, ['val_evaluator']))).toBe(
      expected(`x = [dict(type='IoUMetric', iou_metrics=['mIoU']),
        dict(type='CityscapesMetric', output_dir='out/city')]`),
    );
    expect(getPath(both.out, ['test_evaluator'])).toBe(getPath(both.out, ['val_evaluator']));
  });

  it('drops imgfile_prefix without the cityscapes metric (EVAL-002)', () => {
    const r = run(`${DATA}\nevaluation = dict(metric='mIoU',\n    imgfile_prefix='x')`);
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    expect(r.findings).toEqual([['EVAL-002', 'info', 3]]);
  });

  it('leaves interval, start and the best-checkpoint keys to the loop and hook passes (EVAL-003, EVAL-004)', () => {
    const old =
      py(`evaluation = dict(interval=4000, start=100, metric='mIoU', save_best='mIoU', rule='greater',
    greater_keys=['mIoU'], less_keys=['loss'], pre_eval=True, out_dir='o', custom=1)`);
    const parts = evaluationParts(old);
    expect(
      parts &&
        Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [...v.entries.keys()]])),
    ).toEqual({
      loop: ['interval', 'start'],
      hook: ['save_best', 'rule', 'greater_keys', 'less_keys'],
      evaluator: ['metric'],
      dropped: ['pre_eval', 'out_dir'],
      unknown: ['custom'],
    });
    expect(show(parts?.loop.entries.get('interval'))).toBe('4000');
    const r = run('', withEntry(old, 'data', py(DATA).entries.get('data') as DictValue));
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    expect(getPath(r.out, ['evaluation'])).toBe(old.entries.get('evaluation'));
    expect(r.findings).toEqual([
      ['EVAL-005', 'info', 2],
      ['EVAL-008', 'info', 2],
      ['EVAL-008', 'warning', 2],
    ]);
    expect(evaluationParts(py(`x = 1`))).toBeUndefined();
    expect(evaluationParts(py(`evaluation = 'mIoU'`))).toBeUndefined();
  });

  it('reports dropped evaluation keys even without datasets, and writes no evaluator (EVAL-005)', () => {
    const r = run(
      `evaluation = dict(interval=2000, metric='mIoU', pre_eval=True, efficient_test=True, by_epoch=False)`,
    );
    expect(r.out.entries.has('val_evaluator')).toBe(false);
    expect(r.findings).toEqual([
      ['EVAL-005', 'info', 1],
      ['EVAL-005', 'info', 1],
      ['EVAL-005', 'info', 1],
    ]);
  });

  it('maps gpu_collect to collect_device and drops tmpdir (EVAL-006)', () => {
    const r = run(
      `${DATA}\nevaluation = dict(metric=['mIoU', 'cityscapes'], gpu_collect=True,\n    tmpdir='/tmp/x')`,
    );
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = [dict(type='IoUMetric', iou_metrics=['mIoU'], collect_device='gpu'),
        dict(type='CityscapesMetric', output_dir='.format_cityscapes', collect_device='gpu')]`),
    );
    expect(r.findings).toEqual([
      ['EVAL-006', 'warning', 3],
      ['EVAL-002', 'info', 2],
    ]);
    const off = run(`${DATA}\nevaluation = dict(gpu_collect=False)`);
    expect(show(getPath(off.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
  });

  it('moves nan_to_num and beta to IoUMetric only (EVAL-007)', () => {
    const r = run(`${DATA}\nevaluation = dict(metric='mFscore', beta=2, nan_to_num=0)`);
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mFscore'], nan_to_num=0, beta=2)`),
    );
    expect(r.findings).toEqual([]);
    const city = run(`${DATA}\nevaluation = dict(metric='cityscapes', beta=2)`);
    expect(show(getPath(city.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='CityscapesMetric', output_dir='.format_cityscapes')`),
    );
    expect(city.findings).toEqual([
      ['EVAL-007', 'info', 2],
      ['EVAL-002', 'info', 2],
    ]);
  });

  it('drops out_dir, file_client_args and broadcast_bn_buffer with info, unknown keys with a warning (EVAL-008)', () => {
    const r = run(`${DATA}
evaluation = dict(out_dir='o', file_client_args=dict(backend='disk'),
    broadcast_bn_buffer=True, foo=1)`);
    expect(r.findings).toEqual([
      ['EVAL-008', 'info', 2],
      ['EVAL-008', 'info', 2],
      ['EVAL-008', 'info', 3],
      ['EVAL-008', 'warning', 3],
    ]);
  });

  it('sets a non-255 dataset ignore_index on the matching evaluator (EVAL-010)', () => {
    const r = run(
      `data = dict(val=dict(type='CustomDataset', ignore_index=0), test=dict(type='CustomDataset'))`,
    );
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'], ignore_index=0)`),
    );
    expect(show(getPath(r.out, ['test_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    const both = run(
      `data = dict(val=dict(ignore_index=5), test=dict(type='RepeatDataset', dataset=dict(ignore_index=5)))`,
    );
    expect(getPath(both.out, ['test_evaluator'])).toBe(getPath(both.out, ['val_evaluator']));
    expect(show(getPath(both.out, ['test_evaluator', 'ignore_index']))).toBe('5');
  });

  it('reports concatenated datasets that disagree on ignore_index, and unreadable values (EVAL-010)', () => {
    const r = run(`data = dict(val=[dict(ignore_index=0),
    dict(ignore_index=255)])`);
    expect(show(getPath(r.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    expect(r.findings).toEqual([['EVAL-010', 'warning', 1]]);
    const old = py(`data = dict(val=dict(type='CustomDataset'))`);
    const val = withEntry(
      getPath(old, ['data', 'val']) as DictValue,
      'ignore_index',
      opaque('n()', 'call', { file: 'c.py', start: 0, end: 3, line: 4 }),
    );
    const bad = run(
      '',
      withEntry(old, 'data', withEntry(old.entries.get('data') as DictValue, 'val', val)),
    );
    expect(show(getPath(bad.out, ['val_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mIoU'])`),
    );
    expect(bad.findings).toEqual([['EVAL-010', 'warning', 4]]);
  });

  it('writes only the evaluator of the splits present (INH-009 ownership)', () => {
    const r = run(
      `data = dict(test=dict(type='ADE20KDataset'))\nevaluation = dict(metric='mDice')`,
    );
    expect(r.out.entries.has('val_evaluator')).toBe(false);
    expect(show(getPath(r.out, ['test_evaluator']))).toBe(
      expected(`x = dict(type='IoUMetric', iou_metrics=['mDice'])`),
    );
    const none = run(`data = dict(samples_per_gpu=2)\nevaluation = dict(metric='mDice')`);
    expect(none.out.entries.has('val_evaluator')).toBe(false);
    expect(none.out.entries.has('test_evaluator')).toBe(false);
  });

  it('reports unreadable evaluation or metric values and writes no evaluator', () => {
    const notDict = run(`${DATA}\nevaluation = 'mIoU'`);
    expect(notDict.out.entries.has('val_evaluator')).toBe(false);
    expect(notDict.findings).toEqual([['EVAL-001', 'warning', 2]]);
    const badMetric = run(`${DATA}\nevaluation = dict(metric=3)`);
    expect(badMetric.out.entries.has('val_evaluator')).toBe(false);
    expect(badMetric.findings).toEqual([['EVAL-001', 'warning', 2]]);
    const old = py(DATA);
    const opaqueEval = withEntry(
      old,
      'evaluation',
      opaque('make_eval()', 'call', { file: 'c.py', start: 0, end: 1, line: 8 }),
    );
    const r = run('', opaqueEval);
    expect(r.out).toBe(opaqueEval);
    expect(r.findings).toEqual([['EVAL-001', 'warning', 8]]);
    expect(run(`data = 'x'`).findings).toEqual([]);
  });
});
