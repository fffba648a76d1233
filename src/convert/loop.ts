/**
 * LOOP (spec §8): the 0.x runner (or `total_iters`), `evaluation.interval` /
 * `start` and `workflow` become the 1.x loop configs `train_cfg`, `val_cfg`
 * and `test_cfg`. Also exports `trainLength`, the training length and unit
 * that the scheduler pass needs for every `end`.
 */
import table from '../../rules/loop.json' with { type: 'json' };
import {
  dict,
  int,
  isDict,
  isSeq,
  numOf,
  str,
  strOf,
  withEntry,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
  type DictEdit,
} from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

interface RunnerInfo {
  byEpoch: boolean;
  lengthKey: string;
}

const RUNNERS: Record<string, RunnerInfo> = table.runners;

export interface TrainLength {
  /** Whether the 0.x runner counted in epochs (the unit of `end` and of hook `by_epoch` defaults). */
  byEpoch: boolean;
  /** The training length as a number, when it is one. */
  end?: number;
  /** The 0.x value holding the length (moved as is, so it keeps its origin). */
  endValue?: Value;
  /** The runner type 0.x would build; `IterBasedRunner` when it came from `total_iters`. */
  runnerType?: string;
  /** LOOP-004/005 findings about the runner (reported by the loop pass). */
  findings: Finding[];
}

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

/**
 * The training length E and its unit (spec §7, LOOP-001…005). Without
 * `runner`, mmseg 0.30 built `IterBasedRunner(max_iters=total_iters)`; when
 * neither is in the view the unit is that default (iterations) and the length
 * is unknown.
 */
export function trainLength(old: DictValue, ctx: ConvertContext = { file: '' }): TrainLength {
  const runner = old.entries.get('runner');
  if (absent(runner)) {
    const total = old.entries.get('total_iters');
    if (absent(total)) return { byEpoch: false, findings: [] };
    return {
      byEpoch: false,
      end: numOf(total),
      endValue: total,
      runnerType: 'IterBasedRunner',
      findings: [],
    };
  }
  if (!isDict(runner)) {
    const message = 'runner cannot be read; the training length and unit are unknown';
    return { byEpoch: false, findings: [findingAt('LOOP-005', 'error', runner, ctx, message)] };
  }
  const typeValue = runner.entries.get('type');
  const type = strOf(typeValue);
  const known = type === undefined ? undefined : RUNNERS[type];
  if (known) {
    const length = runner.entries.get(known.lengthKey);
    if (absent(length)) {
      const message = `${type} has no ${known.lengthKey} in the merged chain; 0.x could not train it`;
      return {
        byEpoch: known.byEpoch,
        runnerType: type,
        findings: [findingAt('LOOP-004', 'error', runner, ctx, message)],
      };
    }
    return {
      byEpoch: known.byEpoch,
      end: numOf(length),
      endValue: length,
      runnerType: type,
      findings: [],
    };
  }
  // A custom runner: guess the unit from its name, then from the length key it has.
  const byEpoch = /epoch/i.test(type ?? '')
    ? true
    : /iter/i.test(type ?? '')
      ? false
      : !runner.entries.has('max_iters') && runner.entries.has('max_epochs');
  const lengthKey = byEpoch ? 'max_epochs' : 'max_iters';
  const length = runner.entries.get(lengthKey);
  const name = type === undefined ? 'runner without a type' : `custom runner ${type}`;
  const message =
    `${name} has no 1.x counterpart; converted as ${byEpoch ? 'an epoch' : 'an iteration'}-based ` +
    'train loop of the same length, its own behaviour is lost';
  return {
    byEpoch,
    end: numOf(length),
    endValue: absent(length) ? undefined : length,
    runnerType: type,
    findings: [findingAt('LOOP-005', 'error', typeValue ?? runner, ctx, message)],
  };
}

/** A type ending in `Loop` marks a 1.x loop dict; anything else under these names is a 0.x model setting. */
const isLegacyModelCfg = (v: Value | undefined): v is DictValue =>
  isDict(v) && !(strOf(v.entries.get('type')) ?? '').endsWith('Loop');

/** A runnable training config: it has a model and a training set, so 0.x needed a runner. */
const trains = (old: DictValue): boolean =>
  old.entries.has('model') && getDictEntry(old.entries.get('data'), 'train') !== undefined;

const getDictEntry = (v: Value | undefined, key: DictKey): Value | undefined =>
  isDict(v) ? v.entries.get(key) : undefined;

/** The validation interval and start, from `evaluation` (0.x defaults: interval 1, start None). */
function validationPoints(
  old: DictValue,
  byEpoch: boolean,
  anchor: Value | undefined,
  ctx: ConvertContext,
  findings: Finding[],
): { interval: Value; begin?: Value } {
  const evaluation = old.entries.get('evaluation');
  if (evaluation === undefined || !isDict(evaluation)) {
    if (!byEpoch) {
      const message =
        evaluation === undefined
          ? 'no evaluation: 0.x validated after every iteration (interval 1); val_interval=1 written'
          : 'evaluation cannot be read; val_interval=1 (the 0.x default) written';
      findings.push(findingAt('LOOP-001', 'warning', evaluation ?? anchor, ctx, message));
    }
    return { interval: int(1) };
  }
  const intervalValue = evaluation.entries.get('interval');
  const interval = intervalValue === undefined ? int(1) : intervalValue;
  const start = evaluation.entries.get('start');
  if (absent(start)) return { interval };
  const s = numOf(start);
  const i = numOf(interval);
  if (s !== undefined && i !== undefined && i !== 0 && s % i !== 0) {
    const message =
      `evaluation.start=${s} is not a multiple of interval ${i}: 0.x validated at ${s}, ` +
      `${s + i}, …; 1.x validates at multiples of ${i} from ${s} on`;
    findings.push(findingAt('LOOP-007', 'info', start, ctx, message));
  }
  return { interval, begin: start };
}

/** Whether the 1.x config needs a ValLoop / TestLoop (LOOP-006). */
function evalLoopsWanted(old: DictValue): { val: boolean; test: boolean } {
  const data = old.entries.get('data');
  // No readable `data` in this view: a schedule file on its own, which
  // writes both loops like the official schedule bases.
  if (!isDict(data)) return { val: true, test: true };
  return { val: !absent(data.entries.get('val')), test: !absent(data.entries.get('test')) };
}

/** LOOP-008: `workflow` is removed; a `('val', n)` phase is reported. */
function dropWorkflow(old: DictValue, next: DictEdit, ctx: ConvertContext, findings: Finding[]) {
  const workflow = old.entries.get('workflow');
  if (workflow === undefined) return;
  if (!isSeq(workflow)) {
    if (workflow.t !== 'none') {
      const message = 'workflow cannot be read; removed (1.x has no workflow)';
      findings.push(findingAt('LOOP-008', 'warning', workflow, ctx, message));
    }
  } else {
    const phases = workflow.items.map((item) => (isSeq(item) ? strOf(item.items[0]) : undefined));
    if (phases.some((p) => p !== 'train')) {
      const message =
        "workflow has a phase other than 'train' (e.g. ('val', n) validation losses), " +
        'which has no 1.x counterpart; removed';
      findings.push(findingAt('LOOP-008', 'warning', workflow, ctx, message));
    }
  }
  next.delete('workflow');
}

/**
 * LOOP-009: a legacy top-level model setting under a loop name, also set in
 * `model`, made 0.x assert. Returns true when the loop must not be written.
 */
function legacyConflict(
  old: DictValue,
  name: 'train_cfg' | 'test_cfg',
  ctx: ConvertContext,
  findings: Finding[],
): boolean {
  const top = old.entries.get(name);
  if (!isLegacyModelCfg(top)) return false;
  if (absent(getDictEntry(old.entries.get('model'), name))) return false;
  const message =
    `${name} is set both at the top level and in model; 0.x asserted that only one is set. ` +
    `The ${name} loop is not written`;
  findings.push(findingAt('LOOP-009', 'error', top, ctx, message));
  return true;
}

export const convertLoops: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const next = editDict(out);
  dropWorkflow(old, next, ctx, findings);

  const runner = old.entries.get('runner');
  const total = old.entries.get('total_iters');
  if (runner === undefined && total === undefined) {
    if (trains(old)) {
      const message = 'neither runner nor total_iters is set; 0.x could not build a runner';
      findings.push(findingAt('LOOP-003', 'error', old.entries.get('model'), ctx, message));
    }
    return { out: next.value, findings };
  }

  const length = trainLength(old, ctx);
  findings.push(...length.findings);
  if (absent(runner) && absent(total)) {
    const message = 'runner is None and total_iters is not set; 0.x could not build a runner';
    findings.push(findingAt('LOOP-003', 'error', runner ?? total, ctx, message));
  }

  if (length.endValue !== undefined && !legacyConflict(old, 'train_cfg', ctx, findings)) {
    const loop = length.byEpoch ? table.trainLoops.epoch : table.trainLoops.iter;
    const points = validationPoints(old, length.byEpoch, runner ?? total, ctx, findings);
    let train = dict([
      ['type', str(loop.type)],
      [loop.lengthKey, length.endValue],
      ['val_interval', points.interval],
    ]);
    if (points.begin !== undefined) train = withEntry(train, 'val_begin', points.begin);
    next.delete('runner');
    next.set('train_cfg', train);
  }

  const wanted = evalLoopsWanted(old);
  if (wanted.val) next.set('val_cfg', dict([['type', str(table.valLoop)]]));
  if (wanted.test && !legacyConflict(old, 'test_cfg', ctx, findings)) {
    next.set('test_cfg', dict([['type', str(table.testLoop)]]));
  }
  return { out: next.value, findings };
};
