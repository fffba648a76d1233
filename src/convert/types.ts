/**
 * The contract of the conversion rule passes. A pass is a pure function: it
 * reads the merged 0.x view of one config chain (`old`, never changed) and the
 * 1.x config built so far (`out`), and returns the next `out` plus findings.
 * The driver runs the passes in a fixed order, starting from `out = old`.
 */
import type { DictValue, Value } from '../python/values.js';
import type { Finding, Severity } from '../report/findings.js';

export interface ConvertContext {
  /** The repository file this conversion is for; findings on values without an origin point here. */
  file: string;
}

export interface PassInput {
  /** The merged 0.x config (spec M0), read-only. May be partial: a base file converts on its own (INH-009). */
  old: DictValue;
  /** The 1.x config built by the earlier passes. */
  out: DictValue;
  ctx: ConvertContext;
}

export interface PassOutput {
  out: DictValue;
  findings: Finding[];
}

export type Pass = (input: PassInput) => PassOutput;

/** A finding located at the value it is about (its file and line), else at the config file. */
export function findingAt(
  rule: string,
  severity: Severity,
  value: Value | undefined,
  ctx: ConvertContext,
  message: string,
): Finding {
  const at = value?.at;
  return { rule, severity, file: at?.file ?? ctx.file, line: at?.line ?? 0, message };
}

/**
 * The file a shared conversion runs against: results shared between configs
 * (one pipeline, one model component, one pass run) must not name any one
 * config, so findings about values without an origin carry this stand-in,
 * which no repository path can equal, until `placedIn` gives them a file.
 */
export const ANY_CONFIG: ConvertContext = { file: '\u0000config' };

/** `findings` with those made against `ANY_CONFIG` placed in `ctx`'s file. */
export function placedIn(findings: readonly Finding[], ctx: ConvertContext): Finding[] {
  return findings.map((f) => (f.file === ANY_CONFIG.file ? { ...f, file: ctx.file } : f));
}
