/**
 * The file a `pull_request` run saves when its token may not write (a fork's
 * pull request), for a `workflow_run` run to post. Its content comes from a
 * run of the pull request's own code, so the poster trusts none of it: the
 * pull request and commit must be the ones the trusted event names, every
 * path must be a file of that pull request, and every text is rendered again
 * by the poster with its usual escaping.
 */
import {
  FILTER_MODES,
  type ConvertedFile,
  type FlagItem,
  type FlagPlan,
  type Suggestion,
} from '../flag/plan.js';
import type { Finding, Severity } from '../report/findings.js';

export const FLAG_RESULT_VERSION = 1;
/** Largest result file read, in bytes. */
export const FLAG_RESULT_MAX_BYTES = 8 * 1024 * 1024;

export interface FlagResult {
  version: typeof FLAG_RESULT_VERSION;
  pullNumber: number;
  headSha: string;
  plan: FlagPlan;
}

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

function fail(what: string): never {
  throw new Error(`the flag result file is not one mmseg-migrate wrote: ${what}`);
}

function text(value: unknown, what: string, max = 65536): string {
  if (typeof value !== 'string' || value.length > max) fail(`${what} is not a string`);
  return value;
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(`${what} is not a line number`);
  }
  return value;
}

/** `paths`: the files a finding may be on; `undefined` for any (`nofilter` reports the whole repository). */
function findingOf(value: unknown, paths?: ReadonlySet<string>): Finding {
  const f = (value ?? {}) as Record<string, unknown>;
  const file = text(f.file, 'a finding file', 1000);
  if (paths && !paths.has(file)) fail(`${file} is not a file of the pull request`);
  const severity = f.severity as Severity;
  if (!SEVERITIES.includes(severity)) fail('a finding severity is unknown');
  const rule = text(f.rule, 'a rule', 40);
  if (!/^[A-Z]+(?:-[A-Z]+)*-\d{3}$/.test(rule)) fail(`${rule} is not a rule ID`);
  return {
    rule,
    severity,
    file,
    line: count(f.line, 'a finding line'),
    message: text(f.message, 'a message', 4000),
  };
}

function itemOf(value: unknown, paths?: ReadonlySet<string>): FlagItem {
  const key = text((value as { key?: unknown })?.key, 'a key', 64);
  if (!/^[0-9a-f]+$/.test(key)) fail('a key is not hexadecimal');
  return { ...findingOf(value, paths), key };
}

function suggestionOf(value: unknown, paths: ReadonlySet<string>): Suggestion {
  const s = (value ?? {}) as Record<string, unknown>;
  const path = text(s.path, 'a suggestion path', 1000);
  if (!paths.has(path)) fail(`${path} is not a file of the pull request`);
  const key = text(s.key, 'a key', 64);
  if (!/^[0-9a-f]+$/.test(key)) fail('a key is not hexadecimal');
  const start = count(s.start, 'a suggestion start');
  const end = count(s.end, 'a suggestion end');
  if (start < 1 || end < start) fail('a suggestion range is empty');
  if (!Array.isArray(s.lines)) fail('suggestion lines are not a list');
  const lines = s.lines.map((l) => text(l, 'a suggestion line', 10000));
  const findings = Array.isArray(s.findings) ? s.findings.map((f) => findingOf(f, paths)) : [];
  return { key, path, start, end, lines, findings };
}

function convertedOf(value: unknown, paths: ReadonlySet<string>): ConvertedFile {
  const c = (value ?? {}) as Record<string, unknown>;
  const path = text(c.path, 'a converted path', 1000);
  if (!paths.has(path)) fail(`${path} is not a file of the pull request`);
  return { path, text: text(c.text, 'a converted text', 1 << 20), added: c.added === true };
}

/** A saved result's JSON as an object, before it is checked. */
export function parseFlagResult(json: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    fail('it is not JSON');
  }
  if (typeof raw !== 'object' || raw === null) fail('it is not an object');
  return raw as Record<string, unknown>;
}

/** The pull request a saved result says it is about; it is checked against GitHub before use. */
export function claimedPullNumber(raw: Record<string, unknown>): number {
  const n = raw.pullNumber;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) fail('it names no pull request');
  return n;
}

/**
 * Reads a saved result for pull request `pullNumber` at `headSha`, keeping
 * only what concerns `paths` (the pull request's files). Throws on anything
 * that is not a result of that pull request at that commit.
 */
export function readFlagResult(
  json: string | Record<string, unknown>,
  expected: { pullNumber: number; headSha: string; paths: ReadonlySet<string> },
): FlagResult {
  const raw = typeof json === 'string' ? parseFlagResult(json) : json;
  if (raw?.version !== FLAG_RESULT_VERSION) fail('its version is unknown');
  if (raw.pullNumber !== expected.pullNumber) {
    fail(`it is about pull request #${String(raw.pullNumber)}, not #${expected.pullNumber}`);
  }
  if (raw.headSha !== expected.headSha) {
    fail(
      `it was made at ${String(raw.headSha).slice(0, 40)}, not at the run's head ${expected.headSha}`,
    );
  }
  const plan = (raw.plan ?? {}) as Record<string, unknown>;
  const filterMode = plan.filterMode as FlagPlan['filterMode'];
  if (!FILTER_MODES.includes(filterMode)) fail('its filter mode is unknown');
  const list = (v: unknown) => (Array.isArray(v) ? v : fail('a list is missing'));
  return {
    version: FLAG_RESULT_VERSION,
    pullNumber: expected.pullNumber,
    headSha: expected.headSha,
    plan: {
      filterMode,
      items: list(plan.items).map((i) =>
        itemOf(i, filterMode === 'nofilter' ? undefined : expected.paths),
      ),
      suggestions: list(plan.suggestions).map((s) => suggestionOf(s, expected.paths)),
      converted: list(plan.converted).map((c) => convertedOf(c, expected.paths)),
      analysed: count(plan.analysed, 'the file count'),
    },
  };
}

export function writeFlagResult(result: Omit<FlagResult, 'version'>): string {
  return `${JSON.stringify({ version: FLAG_RESULT_VERSION, ...result })}\n`;
}
