/**
 * What one file is (spec §2, DET-001…DET-007): its role in the repository
 * and, for a config, which MMSegmentation version it is written for. Pure:
 * the caller reads the file and says whether some `_base_` names it.
 */
import { parseDocument, LineCounter, isMap, isScalar } from 'yaml';
import {
  evaluateModule,
  parseModule,
  readBaseDecl,
  type ParsedModule,
} from '../python/evaluate.js';
import { isDict, type DictKey, type Value } from '../python/values.js';
import { finding, type Finding } from '../report/findings.js';
import { fileNameParts, joinBasePath } from '../config/paths.js';
import type { PreEvaluated } from '../config/resolve.js';
import { topLevelStatements, type Statement } from '../emit/statements.js';
import { pythonShape } from './python-shape.js';
import { compareSignals, CONFIG_KEYS, valueSignals, type Signal } from './signals.js';

export type { Signal, SignalKind } from './signals.js';

export type Role =
  | 'config'
  | 'base-config'
  | 'shell'
  | 'python'
  | 'markdown'
  | 'workflow'
  | 'notebook'
  | 'makefile'
  | 'dockerfile'
  | 'other';

/** `neutral`: a config with no signal of its own (DET-006); `not-a-config`: a Python script (DET-007). */
export type Version = '0.x' | '1.x' | 'mixed' | 'neutral' | 'not-a-config';

export interface Classified {
  path: string;
  role: Role;
  /** Set for configs and base configs (a verdict) and for Python scripts (`not-a-config`). */
  version?: Version;
  signals: Signal[];
  findings: Finding[];
  /** `chain`: a neutral config that took the verdict of the chains it belongs to (DET-006). */
  verdictBy?: 'chain';
  /** Python files: the repo-relative files its `_base_` names (package bases `pkg::path` excluded). */
  bases?: string[];
  /** Python configs whose values do not depend on their bases: the evaluation, for the resolver to reuse. */
  evaluation?: PreEvaluated;
  /** Python configs: the top-level statements of the text, so rewriting the file needs no second parse. */
  statements?: Statement[];
}

export interface ClassifyContext {
  /** Some config's `_base_` names this file (DET-001 a). */
  namedAsBase: boolean;
}

/**
 * Role and verdict of one file from its path and text. Python files are
 * parsed, so `await initParsers()` must have resolved. A neutral verdict is
 * final only after `applyChainVerdicts` (the scan does this).
 */
export function classifyFile(path: string, text: string, context: ClassifyContext): Classified {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = extensionOf(name);
  const plain = (role: Role): Classified => ({ path, role, signals: [], findings: [] });

  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return plain('workflow');
  if (ext === 'py') return classifyPython(path, text, context);
  if (ext === 'ipynb') return plain('notebook');
  if (ext === 'md' || ext === 'markdown') return plain('markdown');
  if (ext === 'sh' || ext === 'bash') return plain('shell');
  if (ext === 'yml' || ext === 'yaml' || ext === 'json') {
    return classifyDataConfig(path, text, context) ?? plain('other');
  }
  if (/^(GNU)?[Mm]akefile$/.test(name) || ext === 'mk') return plain('makefile');
  if (name === 'Dockerfile' || name.startsWith('Dockerfile.') || ext === 'dockerfile') {
    return plain('dockerfile');
  }
  if (ext === '') {
    const interpreter = shebangInterpreter(text);
    if (interpreter && /^(ba|da|k|z)?sh$/.test(interpreter)) return plain('shell');
  }
  return plain('other');
}

const SCRIPT_LINE = /^(?:def |async def |class |@\w|if __name__\b)/m;

/** `.py`: a config (DET-001 b), a named base (DET-001 a), or a script (DET-007). */
function classifyPython(path: string, text: string, context: ClassifyContext): Classified {
  // A top-level `def`, `class` or `if __name__` makes a script (DET-007); the
  // many library and tool files need no parse to tell.
  if (!context.namedAsBase && SCRIPT_LINE.test(text)) {
    return { path, role: 'python', version: 'not-a-config', signals: [], findings: [] };
  }
  const mod = parseModule(text, path);
  try {
    return classifyModule(mod, context);
  } finally {
    // Trees live in wasm memory, which the garbage collector does not reclaim.
    mod.tree.delete();
  }
}

function classifyModule(mod: ParsedModule, context: ClassifyContext): Classified {
  const path = mod.file;
  const findings: Finding[] = [...mod.syntaxErrors];
  const shape = pythonShape(mod.tree, mod.source);
  const { decl, findings: declFindings } = mod.source.includes('_base_')
    ? readBaseDecl(mod)
    : { decl: undefined, findings: [] };
  const bases = decl ? baseFiles(path, decl.paths) : undefined;
  const assignsConfigKey = [...shape.assigned.keys()].some((k) => CONFIG_KEYS.has(k));
  const isConfig =
    context.namedAsBase ||
    (shape.scriptMarkers.length === 0 && (assignsConfigKey || shape.readBaseLine !== undefined));
  if (!isConfig) {
    return { path, role: 'python', version: 'not-a-config', signals: [], findings, bases };
  }

  const role: Role = context.namedAsBase || inBaseFolder(path) ? 'base-config' : 'config';
  findings.push(...declFindings);
  const evaluated = evaluateModule(mod, { predefined: fileNameParts(path) });
  const lineOf = (key: string) =>
    evaluated.assignments.get(key)?.line ?? shape.assigned.get(key) ?? 0;
  const signals = valueSignals({ names: evaluated.names, lineOf });
  if (shape.readBaseLine !== undefined) {
    signals.push({ key: 'read_base()', line: shape.readBaseLine, kind: 'strong-1.x' });
  }
  for (const access of shape.baseAccesses) {
    signals.push({ key: `_base_.${access.name}`, line: access.line, kind: 'strong-1.x' });
  }
  if (decl?.paths.some((p) => p.includes('::'))) {
    signals.push({ key: '_base_:pkg::path', line: decl.line, kind: 'strong-1.x' });
  }
  signals.sort(compareSignals);

  const version = verdict(signals);
  if (version === 'mixed') findings.push(...mixedFindings(path, signals, evaluated.names, lineOf));
  // `_base_.x` reads evaluate differently once the bases are known, and a
  // file with a syntax error is not evaluated at all by mmengine.
  const reusable = shape.baseAccesses.length === 0 && mod.syntaxErrors.length === 0;
  const evaluation = reusable ? { decl, declFindings, values: evaluated } : undefined;
  const statements = topLevelStatements(mod.tree, mod.source);
  return { path, role, version, signals, findings, bases, evaluation, statements };
}

function baseFiles(path: string, paths: readonly string[]): string[] {
  return paths
    .filter((p) => !p.includes('::'))
    .map((p) => joinBasePath(path, p))
    .filter((p): p is string => p !== undefined);
}

/**
 * A YAML or JSON file whose top level is a mapping with `_base_` or a key
 * that dates it. mmcv loads such configs, but they are only reported
 * (DET-001). Returns undefined for any other data file.
 */
function classifyDataConfig(
  path: string,
  text: string,
  context: ClassifyContext,
): Classified | undefined {
  if (!mentionsConfigKey(text)) return undefined;
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const names = new Map<string, Value>();
  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const key = pair.key.value;
    keyLines.set(key, pair.key.range ? lines.linePos(pair.key.range[0]).line : 0);
    names.set(key, toValue(pair.value));
  }
  const signals = valueSignals({ names, lineOf: (key) => keyLines.get(key) ?? 0 });
  if (!names.has('_base_') && signals.length === 0 && !context.namedAsBase) return undefined;
  const role: Role = context.namedAsBase || inBaseFolder(path) ? 'base-config' : 'config';
  const kind = path.endsWith('.json') ? 'JSON' : 'YAML';
  const findings = [
    finding(
      'DET-001',
      'warning',
      path,
      0,
      `${kind} config: reported only, not rewritten; convert it to a Python config by hand`,
    ),
  ];
  return { path, role, version: verdict(signals), signals, findings };
}

/** DET-002…DET-006: strong signals of both sides → mixed; weak 0.x signals count only alone. */
export function verdict(signals: readonly Signal[]): Version {
  const strongOld = signals.some((s) => s.kind === 'strong-0.x');
  const strongNew = signals.some((s) => s.kind === 'strong-1.x');
  if (strongOld && strongNew) return 'mixed';
  if (strongNew) return '1.x';
  if (strongOld || signals.some((s) => s.kind === 'weak-0.x')) return '0.x';
  return 'neutral';
}

/** DET-005: every 0.x leftover in a 1.x file, and leftovers that contradict their 1.x counterpart. */
function mixedFindings(
  path: string,
  signals: readonly Signal[],
  names: ReadonlyMap<string, Value>,
  lineOf: (key: string) => number,
): Finding[] {
  const findings = signals
    .filter((s) => s.kind === 'strong-0.x')
    .map((s) =>
      finding(
        'DET-005',
        'warning',
        path,
        s.line,
        `'${s.key}' is MMSegmentation 0.x in a file that is otherwise 1.x; mmengine ignores it`,
      ),
    );
  return [...findings, ...runnerDisagreements(path, names, lineOf('runner'))];
}

/**
 * DET-005: a `runner` leftover whose length differs from `train_cfg`'s, in
 * the given view of a config (its own names, or its merged chain).
 */
export function runnerDisagreements(
  path: string,
  config: ReadonlyMap<DictKey, Value>,
  line: number,
): Finding[] {
  const runner = config.get('runner');
  const loop = config.get('train_cfg');
  if (!isDict(runner) || !isDict(loop)) return [];
  const number = (v: Value | undefined) => (v?.t === 'int' || v?.t === 'float' ? v.v : undefined);
  const findings: Finding[] = [];
  for (const key of ['max_iters', 'max_epochs']) {
    const old = number(runner.entries.get(key));
    const now = number(loop.entries.get(key));
    if (old === undefined || now === undefined || old === now) continue;
    findings.push(
      finding(
        'DET-005',
        'warning',
        path,
        line,
        `runner.${key}=${old} disagrees with train_cfg.${key}=${now}; ` +
          'mmengine uses train_cfg, so the file probably does not do what its name says',
      ),
    );
  }
  return findings;
}

function inBaseFolder(path: string): boolean {
  return /(^|\/)_base_\//.test(path);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `#!/bin/bash` → `bash`; `#!/usr/bin/env -S bash -e` → `bash`. */
function shebangInterpreter(text: string): string | undefined {
  const shebang = /^#!\s*(\S+)(.*)$/.exec(text.split('\n', 1)[0]);
  if (!shebang) return undefined;
  const program = shebang[1].slice(shebang[1].lastIndexOf('/') + 1);
  if (program !== 'env') return program;
  return shebang[2]
    .trim()
    .split(/\s+/)
    .find((word) => word !== '' && !word.startsWith('-'));
}

/** YAML/JSON node → the value model, as far as signals need it (dicts, lists, scalars). */
function toValue(node: unknown): Value {
  if (isMap(node)) {
    const entries = new Map<string, Value>();
    for (const pair of node.items) {
      if (isScalar(pair.key)) entries.set(String(pair.key.value), toValue(pair.value));
    }
    return { t: 'dict', entries };
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { t: 'none' };
    if (typeof v === 'boolean') return { t: 'bool', v };
    if (typeof v === 'number') return Number.isInteger(v) ? { t: 'int', v } : { t: 'float', v };
    return { t: 'str', v: String(v) };
  }
  if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
    return { t: 'list', items: node.items.map(toValue) };
  }
  return { t: 'none' };
}

/**
 * Cheap gate before a full YAML/JSON parse: some mapping key in the text is
 * `_base_` or a config key. Most data files (metafiles, CI files) have none.
 */
function mentionsConfigKey(text: string): boolean {
  for (const m of text.matchAll(/^\s*["']?([A-Za-z_]\w*)["']?\s*:/gm)) {
    if (m[1] === '_base_' || CONFIG_KEYS.has(m[1])) return true;
  }
  return false;
}
