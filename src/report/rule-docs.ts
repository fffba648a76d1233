/**
 * The rules' documentation (`rules/*.json`, each rule ID with its severity,
 * summary, reason, example and spec section), bundled at build time so the
 * reports can name what a rule means without reading files at run time.
 * A new rules file must be added to the imports below (a test checks).
 */
import api from '../../rules/api.json' with { type: 'json' };
import cli from '../../rules/cli.json' with { type: 'json' };
import data from '../../rules/data.json' with { type: 'json' };
import detect from '../../rules/detect.json' with { type: 'json' };
import emit from '../../rules/emit.json' with { type: 'json' };
import evaluator from '../../rules/evaluator.json' with { type: 'json' };
import flag from '../../rules/flag.json' with { type: 'json' };
import hooks from '../../rules/hooks.json' with { type: 'json' };
import input from '../../rules/input.json' with { type: 'json' };
import key from '../../rules/key.json' with { type: 'json' };
import loop from '../../rules/loop.json' with { type: 'json' };
import model from '../../rules/model.json' with { type: 'json' };
import optim from '../../rules/optim.json' with { type: 'json' };
import pipeline from '../../rules/pipeline.json' with { type: 'json' };
import preprocessor from '../../rules/preprocessor.json' with { type: 'json' };
import runtime from '../../rules/runtime.json' with { type: 'json' };
import schedule from '../../rules/schedule.json' with { type: 'json' };
import type { Severity } from './findings.js';

export interface RuleDoc {
  id: string;
  severity: Severity;
  summary: string;
  why: string;
  example: string;
  /** The section of the migration spec the rule implements, e.g. `§2`. */
  spec?: string;
}

interface RuleDocJson {
  severity: string;
  summary: string;
  why: string;
  example: string;
  spec?: string;
}

const ruleFiles: { rules?: Record<string, RuleDocJson> }[] = [
  api,
  cli,
  data,
  detect,
  emit,
  evaluator,
  flag,
  hooks,
  input,
  key,
  loop,
  model,
  optim,
  pipeline,
  preprocessor,
  runtime,
  schedule,
];

function asSeverity(value: string): Severity {
  return value === 'error' || value === 'warning' ? value : 'info';
}

const docs = new Map<string, RuleDoc>();
for (const file of ruleFiles) {
  for (const [id, doc] of Object.entries(file.rules ?? {})) {
    docs.set(id, {
      id,
      severity: asSeverity(doc.severity),
      summary: doc.summary,
      why: doc.why,
      example: doc.example,
      ...(doc.spec ? { spec: doc.spec } : {}),
    });
  }
}

/** The documentation of a rule ID, or `undefined` for an ID no rule file documents. */
export function ruleDoc(id: string): RuleDoc | undefined {
  return docs.get(id);
}

/** Every documented rule ID, sorted. */
export function documentedRuleIds(): string[] {
  return [...docs.keys()].sort();
}
