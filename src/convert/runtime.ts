/**
 * RUNTIME (spec §11): the environment, loading, resuming and randomness
 * keys. The runtime file (the one with `log_config` / `dist_params` /
 * `log_level` / `load_from`) owns `default_scope`, `env_cfg` and `resume`;
 * `randomness` belongs to `seed` / `deterministic`. `log_level`, `load_from`,
 * `find_unused_parameters` and `work_dir` mean the same in 1.x and stay.
 */
import table from '../../rules/runtime.json' with { type: 'json' };
import {
  bool,
  dict,
  int,
  isDict,
  isSeq,
  none,
  str,
  strOf,
  truthy,
  withEntry,
  type DictKey,
  type DictValue,
  type Value,
  editDict,
} from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { isRunnable, ownsRuntime } from './hooks.js';
import { findingAt, type ConvertContext, type Pass } from './types.js';

const MODULE_RENAMES: Record<string, string> = table.moduleRenames;

const absent = (v: Value | undefined): boolean => v === undefined || v.t === 'none';

/**
 * A dotted name (`mmcls.models`, `mmcls.ConvNeXt`) with its renamed package
 * (`mmpretrain.…`), or undefined when the package kept its name.
 */
export function renamedScope(name: string): string | undefined {
  const [head, ...rest] = name.split('.');
  const renamed = MODULE_RENAMES[head];
  return renamed === undefined ? undefined : [renamed, ...rest].join('.');
}

/** The 0.x keys that become `env_cfg` (RUNTIME-002…004). */
const ENV_KEYS = ['dist_params', 'cudnn_benchmark', 'mp_start_method', 'opencv_num_threads'];

/** `env_cfg` in full (RUNTIME-013), from the 0.x keys or their defaults. */
function environment(
  old: DictValue,
  anchor: Value | undefined,
  ctx: ConvertContext,
  findings: Finding[],
) {
  const get = (key: string) => old.entries.get(key);
  const distParams = get('dist_params');
  if (isDict(distParams) && distParams.entries.has('port')) {
    const message =
      'dist_params.port is used only by the slurm launcher (in 0.x and 1.x alike); other ' +
      'launchers take MASTER_PORT from the environment';
    findings.push(findingAt('RUNTIME-002', 'info', distParams.entries.get('port'), ctx, message));
  }
  const defaulted = ['mp_start_method', 'opencv_num_threads'].filter((k) => get(k) === undefined);
  if (defaulted.length > 0) {
    const message =
      `${defaulted.join(' and ')} not set: env_cfg.mp_cfg gets the official ` +
      `${defaulted.map((k) => (k === 'mp_start_method' ? "'fork'" : '0')).join(' and ')}, which ` +
      '1.x always applies (0.x left the process settings untouched)';
    findings.push(findingAt('RUNTIME-004', 'info', anchor, ctx, message));
  }
  const env = table.env;
  return dict([
    ['cudnn_benchmark', get('cudnn_benchmark') ?? bool(env.cudnnBenchmark)],
    [
      'mp_cfg',
      dict([
        ['mp_start_method', get('mp_start_method') ?? str(env.mpStartMethod)],
        ['opencv_num_threads', get('opencv_num_threads') ?? int(env.opencvNumThreads)],
      ]),
    ],
    ['dist_cfg', distParams ?? dict([['backend', str(env.distBackend)]])],
  ]);
}

interface ResumePart {
  /** Keys to set in `out`. */
  set: [DictKey, Value][];
  /** 0.x keys that could not be converted and stay in `out`. */
  keep: string[];
}

/** `resume_from` / `auto_resume` → `load_from` / `resume` (RUNTIME-006, 007). */
function resuming(
  old: DictValue,
  owner: boolean,
  ctx: ConvertContext,
  findings: Finding[],
): ResumePart {
  const resumeFrom = old.entries.get('resume_from');
  const autoResume = old.entries.get('auto_resume');
  const loadFrom = old.entries.get('load_from');
  if (resumeFrom !== undefined && resumeFrom.t !== 'none' && resumeFrom.t !== 'str') {
    const message = 'resume_from cannot be read; it is left as written (1.x ignores it)';
    findings.push(findingAt('RUNTIME-006', 'warning', resumeFrom, ctx, message));
    return { set: [], keep: ['resume_from', 'auto_resume'] };
  }
  if (!absent(resumeFrom)) {
    const message =
      'resume_from becomes load_from + resume=True, but 1.x tools/train.py sets cfg.resume ' +
      'from its --resume flag: pass --resume, or the run starts from these weights without ' +
      'resuming';
    findings.push(findingAt('RUNTIME-006', 'warning', resumeFrom, ctx, message));
    if (!absent(loadFrom)) {
      const replaced = 'load_from is replaced by resume_from, which 0.x preferred';
      findings.push(findingAt('RUNTIME-006', 'info', loadFrom, ctx, replaced));
    }
    return {
      set: [
        ['load_from', resumeFrom!],
        ['resume', bool(true)],
      ],
      keep: [],
    };
  }
  const auto = truthy(autoResume);
  if (autoResume !== undefined && auto === undefined) {
    const message = 'auto_resume cannot be read; it is left as written (1.x ignores it)';
    findings.push(findingAt('RUNTIME-007', 'warning', autoResume, ctx, message));
    return { set: [], keep: ['auto_resume'] };
  }
  if (auto === true) {
    const message =
      'auto_resume becomes resume=True, but 1.x tools/train.py sets cfg.resume from its ' +
      '--resume flag, so pass --resume' +
      (absent(loadFrom)
        ? ''
        : '; with load_from set, 1.x resumes from load_from, not from the latest checkpoint');
    findings.push(findingAt('RUNTIME-007', 'warning', autoResume, ctx, message));
    return { set: [['resume', bool(true)]], keep: [] };
  }
  return { set: owner ? [['resume', bool(false)]] : [], keep: [] };
}

/** `seed` / `deterministic` → `randomness` (RUNTIME-009); mmengine needs `seed` in it. */
function randomness(
  old: DictValue,
  ctx: ConvertContext,
  findings: Finding[],
): DictValue | undefined {
  const seed = old.entries.get('seed');
  const deterministic = old.entries.get('deterministic');
  if (seed === undefined && deterministic === undefined) return undefined;
  const message =
    '0.x tools/train.py ignored the config-level seed/deterministic (it took them from the ' +
    'command line); 1.x applies randomness from the config';
  findings.push(findingAt('RUNTIME-009', 'info', seed ?? deterministic, ctx, message));
  const entries: [DictKey, Value][] = [['seed', seed ?? none()]];
  if (deterministic !== undefined) entries.push(['deterministic', deterministic]);
  return dict(entries);
}

/** RUNTIME-011: `custom_imports` with `mmcls` modules renamed; undefined when nothing changes. */
function renamedImports(
  imports: Value,
  ctx: ConvertContext,
  findings: Finding[],
): Value | undefined {
  if (!isDict(imports)) return undefined;
  const names = imports.entries.get('imports');
  const rename = (v: Value): Value => {
    const name = strOf(v);
    const renamed = name === undefined ? undefined : renamedScope(name);
    if (renamed === undefined) return v;
    findings.push(
      findingAt('RUNTIME-011', 'info', v, ctx, `custom_imports: '${name}' → '${renamed}'`),
    );
    return str(renamed);
  };
  let next: Value | undefined;
  if (names?.t === 'str') next = rename(names);
  else if (isSeq(names)) {
    const items = names.items.map(rename);
    if (items.some((item, i) => item !== names.items[i])) next = { ...names, items };
  }
  return next === undefined || next === names ? undefined : withEntry(imports, 'imports', next);
}

export const convertRuntime: Pass = ({ old, out, ctx }) => {
  const findings: Finding[] = [];
  const owner = ownsRuntime(old);
  // The environment's own keys first: a leaf that only silences logging is not about env_cfg.
  const anchor = ['dist_params', 'cudnn_benchmark', 'log_level', 'log_config', 'load_from']
    .map((k) => old.entries.get(k))
    .find((v) => v !== undefined);
  const next = editDict(out);

  if ((owner || isRunnable(old)) && !old.entries.has('default_scope')) {
    next.set('default_scope', str(table.defaultScope));
  }

  // The environment keys are consumed wherever they are; only the runtime file writes env_cfg.
  if (owner) next.set('env_cfg', environment(old, anchor, ctx, findings));
  for (const key of table.env.dropped) {
    const value = old.entries.get(key);
    if (value === undefined) continue;
    const message = `${key} is dropped: env_cfg.mp_cfg does not accept it; set the environment variable instead`;
    findings.push(findingAt('RUNTIME-004', 'warning', value, ctx, message));
  }
  next.delete(...ENV_KEYS, ...table.env.dropped);

  const resume = resuming(old, owner, ctx, findings);
  const consumed = ['resume_from', 'auto_resume'].filter((k) => !resume.keep.includes(k));
  next.delete(...consumed);
  for (const [key, value] of resume.set) next.set(key, value);

  const gpuIds = old.entries.get('gpu_ids');
  if (gpuIds !== undefined) {
    const message =
      'gpu_ids is dropped: 0.x tools/train.py always overwrote it; 1.x takes devices from the launcher';
    findings.push(findingAt('RUNTIME-008', 'info', gpuIds, ctx, message));
    next.delete('gpu_ids');
  }

  const random = randomness(old, ctx, findings);
  if (random !== undefined) {
    next.delete('seed', 'deterministic');
    next.set('randomness', random);
  }

  const imports = old.entries.get('custom_imports');
  const renamed = imports === undefined ? undefined : renamedImports(imports, ctx, findings);
  if (renamed !== undefined) next.set('custom_imports', renamed);

  return { out: next.value, findings };
};
