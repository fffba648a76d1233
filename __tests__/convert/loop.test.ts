import { convertLoops, trainLength } from '../../src/convert/loop.js';
import { opaque, withEntry, type DictValue } from '../../src/python/values.js';
import type { Finding } from '../../src/report/findings.js';
import { initParsers, py, show } from '../helpers/py.js';

beforeAll(() => initParsers());

const ctx = { file: 'configs/cfg.py' };

function run(old: DictValue) {
  return convertLoops({ old, out: old, ctx });
}

/** The value of `name` in a Python snippet, printed. */
const expected = (source: string, name = 'x') => show(py(source).entries.get(name));

const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.line]);

const keys = (d: DictValue) => [...d.entries.keys()];

describe('convertLoops', () => {
  it('LOOP-001: an IterBasedRunner becomes an IterBasedTrainLoop with the evaluation interval', () => {
    const old = py(
      [
        "runner = dict(type='IterBasedRunner', max_iters=160000)",
        "evaluation = dict(interval=16000, metric='mIoU', pre_eval=True)",
        "workflow = [('train', 1)]",
        'data = dict(train=dict(), val=dict(), test=dict())',
      ].join('\n'),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=160000, val_interval=16000)"),
    );
    expect(show(out.entries.get('val_cfg'))).toBe(expected("x = dict(type='ValLoop')"));
    expect(show(out.entries.get('test_cfg'))).toBe(expected("x = dict(type='TestLoop')"));
    // runner and workflow are gone; evaluation belongs to the evaluator pass.
    expect(keys(out)).toEqual(['evaluation', 'data', 'train_cfg', 'val_cfg', 'test_cfg']);
    expect(findings).toEqual([]);
  });

  it('LOOP-001: without evaluation the 0.x interval 1 is written, with a warning at the runner', () => {
    const old = py("x = 1\nrunner = dict(type='IterBasedRunner', max_iters=1000)");
    const { out, findings } = run(old);
    expect(show(out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=1000, val_interval=1)"),
    );
    expect(brief(findings)).toEqual([['LOOP-001', 'warning', 2]]);
    expect(findings[0].file).toBe('test.py');
  });

  it('LOOP-002: EpochBasedRunner and its alias Runner become EpochBasedTrainLoop', () => {
    for (const type of ['EpochBasedRunner', 'Runner']) {
      const old = py(`runner = dict(type='${type}', max_epochs=12)`);
      const { out, findings } = run(old);
      expect(show(out.entries.get('train_cfg'))).toBe(
        expected("x = dict(type='EpochBasedTrainLoop', max_epochs=12, val_interval=1)"),
      );
      expect(findings).toEqual([]);
    }
  });

  it('LOOP-003: total_iters without runner is an IterBasedTrainLoop; total_iters is kept and moved', () => {
    const old = py(
      [
        'total_iters = 60000',
        "evaluation = dict(interval=4000, metric='mIoU')",
        'data = dict(train=dict(), val=dict(), test=dict())',
      ].join('\n'),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=60000, val_interval=4000)"),
    );
    expect(out.entries.get('total_iters')).toBe(old.entries.get('total_iters'));
    // The same object is moved, so the emitter can print `max_iters=total_iters`.
    expect((out.entries.get('train_cfg') as DictValue).entries.get('max_iters')).toBe(
      old.entries.get('total_iters'),
    );
    expect(findings).toEqual([]);
  });

  it('LOOP-003: a training config with neither runner nor total_iters is an error', () => {
    const old = py("model = dict(type='EncoderDecoder')\ndata = dict(train=dict())");
    const { out, findings } = run(old);
    expect(out.entries.has('train_cfg')).toBe(false);
    expect(brief(findings)).toEqual([['LOOP-003', 'error', 1]]);
  });

  it('LOOP-003: runner = None without total_iters is an error and runner stays', () => {
    const old = py('x = 0\nrunner = None');
    const { out, findings } = run(old);
    expect(keys(out)).toEqual(['x', 'runner', 'val_cfg', 'test_cfg']);
    expect(brief(findings)).toEqual([['LOOP-003', 'error', 2]]);
  });

  it('LOOP-004: an IterBasedRunner without max_iters is left as it was', () => {
    const old = py("runner = dict(type='IterBasedRunner')\nevaluation = dict(interval=10)");
    const { out, findings } = run(old);
    expect(out.entries.get('runner')).toBe(old.entries.get('runner'));
    expect(out.entries.has('train_cfg')).toBe(false);
    expect(brief(findings)).toEqual([['LOOP-004', 'error', 1]]);
  });

  it('LOOP-005: a custom runner becomes a loop of the same length, with an error', () => {
    const old = py(
      "runner = dict(\n    type='IterBasedRunnerAmp', max_iters=80000)\nevaluation = dict(interval=8000)",
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=80000, val_interval=8000)"),
    );
    expect(brief(findings)).toEqual([['LOOP-005', 'error', 2]]);

    const epoch = run(py("runner = dict(type='MyRunner', max_epochs=3)"));
    expect(show(epoch.out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='EpochBasedTrainLoop', max_epochs=3, val_interval=1)"),
    );
    expect(brief(epoch.findings)).toEqual([['LOOP-005', 'error', 1]]);
  });

  it('LOOP-005: an opaque runner is reported and left in place, without a crash', () => {
    const old = withEntry(py('x = 1'), 'runner', opaque('make_runner()', 'call'));
    const { out, findings } = run(old);
    expect(out.entries.get('runner')).toBe(old.entries.get('runner'));
    expect(out.entries.has('train_cfg')).toBe(false);
    expect(brief(findings)).toEqual([['LOOP-005', 'error', 0]]);
    expect(findings[0].file).toBe('configs/cfg.py');
  });

  it('LOOP-006: val_cfg / test_cfg follow data.val / data.test; without data both are written', () => {
    const valOnly = run(
      py(
        "runner = dict(type='IterBasedRunner', max_iters=10)\nevaluation = dict(interval=5)\ndata = dict(train=dict(), val=dict())",
      ),
    );
    expect(valOnly.out.entries.has('val_cfg')).toBe(true);
    expect(valOnly.out.entries.has('test_cfg')).toBe(false);

    // A schedule base on its own: the official layout writes both loops there.
    const schedule = run(
      py("runner = dict(type='IterBasedRunner', max_iters=10)\nevaluation = dict(interval=5)"),
    );
    expect(keys(schedule.out)).toEqual(['evaluation', 'train_cfg', 'val_cfg', 'test_cfg']);
    expect(schedule.findings).toEqual([]);
  });

  it('LOOP-006: no loops at all when neither runner nor total_iters is in the view', () => {
    const old = py('data = dict(val=dict(), test=dict())\nevaluation = dict(interval=5)');
    const { out, findings } = run(old);
    expect(out).toBe(old);
    expect(findings).toEqual([]);
  });

  it('LOOP-007: evaluation.start becomes val_begin; a start off the interval grid is reported', () => {
    const onGrid = run(
      py(
        "runner = dict(type='IterBasedRunner', max_iters=100)\nevaluation = dict(interval=10, start=20)",
      ),
    );
    expect(show(onGrid.out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=100, val_interval=10, val_begin=20)"),
    );
    expect(onGrid.findings).toEqual([]);

    const offGrid = run(
      py(
        "runner = dict(type='IterBasedRunner', max_iters=100)\nevaluation = dict(interval=10, start=25)",
      ),
    );
    expect(brief(offGrid.findings)).toEqual([['LOOP-007', 'info', 2]]);

    const none = run(
      py(
        "runner = dict(type='IterBasedRunner', max_iters=100)\nevaluation = dict(interval=10, start=None)",
      ),
    );
    expect(show(none.out.entries.get('train_cfg'))).toBe(
      expected("x = dict(type='IterBasedTrainLoop', max_iters=100, val_interval=10)"),
    );
  });

  it("LOOP-008: workflow is removed; a ('val', n) phase is a warning", () => {
    const old = py("x = 1\nworkflow = [('train', 1), ('val', 1)]");
    const { out, findings } = run(old);
    expect(keys(out)).toEqual(['x']);
    expect(brief(findings)).toEqual([['LOOP-008', 'warning', 2]]);
  });

  it('LOOP-009: a legacy top-level test_cfg also set in model is an error, and stays', () => {
    const old = py(
      [
        "runner = dict(type='IterBasedRunner', max_iters=10)",
        'evaluation = dict(interval=5)',
        "model = dict(test_cfg=dict(mode='slide'))",
        "test_cfg = dict(mode='whole')",
      ].join('\n'),
    );
    const { out, findings } = run(old);
    expect(out.entries.get('test_cfg')).toBe(old.entries.get('test_cfg'));
    expect(brief(findings)).toEqual([['LOOP-009', 'error', 4]]);
  });

  it('LOOP-009: without a conflict the loop replaces the legacy name (the model pass moves it)', () => {
    const old = py(
      [
        "runner = dict(type='IterBasedRunner', max_iters=10)",
        'evaluation = dict(interval=5)',
        "model = dict(type='EncoderDecoder')",
        "test_cfg = dict(mode='whole')",
      ].join('\n'),
    );
    const { out, findings } = run(old);
    expect(show(out.entries.get('test_cfg'))).toBe(expected("x = dict(type='TestLoop')"));
    expect(findings).toEqual([]);
  });
});

describe('trainLength', () => {
  it('reads the runner, or total_iters, or falls back to iterations with no length', () => {
    const iter = trainLength(py("runner = dict(type='IterBasedRunner', max_iters=80000)"));
    expect([iter.byEpoch, iter.end, iter.runnerType, iter.findings]).toEqual([
      false,
      80000,
      'IterBasedRunner',
      [],
    ]);
    const epoch = trainLength(py("runner = dict(type='EpochBasedRunner', max_epochs=50)"));
    expect([epoch.byEpoch, epoch.end, epoch.runnerType]).toEqual([true, 50, 'EpochBasedRunner']);
    const total = trainLength(py('total_iters = 40000'));
    expect([total.byEpoch, total.end, total.runnerType]).toEqual([false, 40000, 'IterBasedRunner']);
    const nothing = trainLength(py("lr_config = dict(policy='poly')"));
    expect(nothing).toEqual({ byEpoch: false, findings: [] });
  });

  it('keeps a length it cannot compute as the value, without a number', () => {
    const old = py("runner = dict(type='IterBasedRunner', max_iters=1)");
    const runner = old.entries.get('runner') as DictValue;
    const length = opaque('args.iters', 'attribute');
    const view = withEntry(old, 'runner', withEntry(runner, 'max_iters', length));
    const result = trainLength(view);
    expect(result.end).toBeUndefined();
    expect(result.endValue).toBe(length);
  });
});
