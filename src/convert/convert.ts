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

/** The passes, each sharing its work between configs that give it the same entries. */
const SHARED_PASSES: readonly Pass[] = PASSES.map(memoizePass);

/** 0.x keys that several passes read; removed once every pass has run. */
const SHARED_0X_KEYS = ['evaluation'];

export interface Conversion {
  value: DictValue;
  findings: Finding[];
}

export function convertConfig(old: DictValue, ctx: ConvertContext): Conversion {
  let out = old;
  const findings: Finding[] = [];
  for (const pass of SHARED_PASSES) {
    const result = pass({ old, out, ctx });
    out = result.out;
    findings.push(...result.findings);
  }
  return { value: withoutKeys(out, SHARED_0X_KEYS), findings };
}
