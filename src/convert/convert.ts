/**
 * `convert(M0) → T`: the merged 0.x view of one config chain to its 1.x
 * config plus findings (spec INH-008). The passes run in a fixed order
 * because later ones read what earlier ones wrote: the data pass reuses the
 * converted pipeline variables, the preprocessor extends the converted model.
 */
import { withoutKeys, type DictValue } from '../python/values.js';
import type { Finding } from '../report/findings.js';
import { convertData } from './data.js';
import { convertEvaluators } from './evaluator.js';
import { convertHooks } from './hooks.js';
import { convertLoops } from './loop.js';
import { convertModel } from './model.js';
import { convertOptim } from './optim.js';
import { convertPipelines } from './pipeline.js';
import { convertPreprocessor } from './preprocessor.js';
import { convertRuntime } from './runtime.js';
import { convertSchedule } from './schedule.js';
import { memoizePass } from './memo.js';
import type { ConvertContext, Pass } from './types.js';

export const PASSES: readonly Pass[] = [
  convertPipelines,
  convertData,
  convertEvaluators,
  convertOptim,
  convertSchedule,
  convertLoops,
  convertHooks,
  convertRuntime,
  convertModel,
  convertPreprocessor,
];

/** 0.x keys that several passes read; removed once every pass has run. */
const SHARED_0X_KEYS = ['evaluation'];

export interface Conversion {
  value: DictValue;
  findings: Finding[];
}

function runPasses(passes: readonly Pass[], old: DictValue, ctx: ConvertContext): Conversion {
  let out = old;
  const findings: Finding[] = [];
  for (const pass of passes) {
    const result = pass({ old, out, ctx });
    out = result.out;
    findings.push(...result.findings);
  }
  return { value: withoutKeys(out, SHARED_0X_KEYS), findings };
}

/** One config's conversion. */
export function convertConfig(old: DictValue, ctx: ConvertContext): Conversion {
  return runPasses(PASSES, old, ctx);
}

/**
 * A `convertConfig` for the configs of one run, whose passes share their
 * work between configs that hold the same objects (memo.ts). What it
 * remembers lives as long as the converter, not the process.
 */
export function createConverter(): typeof convertConfig {
  const passes = PASSES.map(memoizePass);
  return (old, ctx) => runPasses(passes, old, ctx);
}
