/**
 * The 0.x → 1.x name table of rules/api.json (spec §14): where an mmseg or
 * mmcv name imported by a script lives in mmseg 1.x / mmcv 2.x / mmengine.
 */
import table from '../../rules/api.json' with { type: 'json' };
import type { Severity } from '../report/findings.js';

export type NameOutcome =
  /** Still importable from the same place. */
  | { kind: 'keep' }
  /** Importable as `name` from `module`; `rule` reports the move. */
  | { kind: 'move'; rule: string; severity: Severity; module: string; name: string; hint?: string }
  /** Removed without a drop-in replacement: reported, left as written. */
  | { kind: 'report'; rule: string; severity: Severity; hint?: string }
  /** The module is gone (or lost names) and the table does not know the name. */
  | { kind: 'missing'; rule: string; severity: Severity; module: string };

interface Entry {
  rule?: string;
  keep?: boolean;
  from: string[];
  names: string[] | Record<string, string> | '*';
  to?: string;
  severity?: string;
  hint?: string;
}

const ENTRIES = table.names as Entry[];
const REMOVED = new Set(table.modules.removed);
const REDUCED = new Set(table.modules.reduced);
const KEPT = new Set(table.modules.kept);
const RULES = table.rules as Record<string, { severity: string }>;
export const ROOTS = new Set(['mmcv', 'mmseg']);

/** Every module path the table names, with all its parent packages. */
const MODULES = new Set<string>();
for (const path of [...REMOVED, ...REDUCED, ...KEPT, ...ENTRIES.flatMap((e) => e.from)]) {
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) MODULES.add(parts.slice(0, i).join('.'));
}

/** (module, name) → entry, for one lookup per import. */
const BY_NAME = new Map<string, Entry>();
for (const entry of ENTRIES) {
  const names =
    entry.names === '*'
      ? ['*']
      : Array.isArray(entry.names)
        ? entry.names
        : Object.keys(entry.names);
  for (const module of entry.from) {
    for (const name of names) {
      const key = `${module}:${name}`;
      if (!BY_NAME.has(key)) BY_NAME.set(key, entry);
    }
  }
}

const rootOf = (path: string): string => path.split('.')[0];

/** A module (package) the table knows about: `mmcv.runner`, `mmseg.apis`, … */
export const isModule = (path: string): boolean => MODULES.has(path);

/** The module is gone in 1.x, itself or through a removed parent package. */
export function isRemovedModule(path: string): boolean {
  const parts = path.split('.');
  for (let i = parts.length; i >= 2; i--) {
    if (REMOVED.has(parts.slice(0, i).join('.'))) return true;
  }
  return false;
}

function severityOf(entry: Entry, fallback: Severity): Severity {
  const s = entry.severity ?? (entry.rule ? RULES[entry.rule]?.severity : undefined) ?? fallback;
  return s as Severity;
}

function outcomeOf(entry: Entry, name: string): NameOutcome {
  if (entry.keep) return { kind: 'keep' };
  const rule = entry.rule ?? 'API-040';
  if (entry.to === undefined) {
    return { kind: 'report', rule, severity: severityOf(entry, 'warning'), hint: entry.hint };
  }
  const renamed =
    entry.names !== '*' && !Array.isArray(entry.names) ? (entry.names[name] ?? name) : name;
  return {
    kind: 'move',
    rule,
    severity: entry.severity ? (entry.severity as Severity) : 'info',
    module: entry.to,
    name: renamed,
    hint: entry.hint,
  };
}

/**
 * What became of `name` imported from `module` (`from module import name`
 * or `module.name`). Undefined for modules outside mmcv/mmseg and for names
 * the table does not list in a module that still exists.
 */
export function lookupName(module: string, name: string): NameOutcome | undefined {
  if (!ROOTS.has(rootOf(module))) return undefined;
  // A submodule (`from mmcv import runner`) is judged as a module.
  const sub = `${module}.${name}`;
  if (KEPT.has(sub)) return { kind: 'keep' };
  if (isModule(sub) && isRemovedModule(sub)) return missing(sub);
  // Names defined in a submodule are re-exported by its package, so a deep
  // path (`mmcv.runner.checkpoint.load_checkpoint`) matches its package's entry.
  const parts = module.split('.');
  for (let i = parts.length; i >= Math.min(2, parts.length); i--) {
    const candidate = parts.slice(0, i).join('.');
    const entry = BY_NAME.get(`${candidate}:${name}`) ?? BY_NAME.get(`${candidate}:*`);
    if (entry) return outcomeOf(entry, name);
  }
  if (isRemovedModule(module) || REDUCED.has(module)) return missing(module);
  return undefined;
}

function missing(module: string): NameOutcome {
  return { kind: 'missing', rule: 'API-040', severity: 'warning', module };
}

/** Rule IDs the table can report, for the documentation check. */
export function tableRuleIds(): string[] {
  return [...new Set(ENTRIES.flatMap((e) => (e.rule && !e.keep ? [e.rule] : [])))].sort();
}
