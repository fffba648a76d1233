/**
 * Resolves a config's `_base_` chain the way mmengine's `Config.fromfile`
 * does (`Config._file2dict`):
 * 1. read `_base_` (a path or a list of paths, relative to the naming file);
 * 2. resolve each base fully, then combine them in list order (a key shared
 *    by two bases is an error);
 * 3. evaluate the file with `_base_` bound to those combined bases, and
 *    replace each `{{_base_.a.b}}` by the value at that path;
 * 4. merge the file's keys into the combined bases.
 *
 * Every file is read, parsed, evaluated and resolved at most once per
 * resolver: a file's result depends only on its own bases, so it is cached
 * by path, and resolving a whole repository costs one pass per file.
 * Bad input (missing, binary, oversized or unparsable files, paths leaving
 * the repository, cycles) becomes findings; resolution continues.
 */
import {
  evaluateModule,
  parseModule,
  readBaseDecl,
  type BaseDecl,
  type ModuleValues,
} from '../python/evaluate.js';
import { dict, type DictKey, type DictValue, type Span, type Value } from '../python/values.js';
import { finding, type Finding } from '../report/findings.js';
import { decodeConfigBytes, DEFAULT_MAX_BYTES } from './decode.js';
import { mergeIntoBase, mergeSiblingBases, type SiblingBase } from './merge.js';
import { fileNameParts, joinBasePath, normalizeRepoPath } from './paths.js';
import type { SourceFiles } from './source.js';
import { substituteBaseRefs } from './substitute.js';

export interface ResolvedConfig {
  /** repo-relative POSIX path */
  file: string;
  /** false when any error finding in the chain prevented an exact result */
  ok: boolean;
  /** merged config (best effort when !ok) */
  value: DictValue;
  /** direct bases inside the repository, repo-relative, in `_base_` order (also those that failed) */
  bases: string[];
  /** every readable file of the chain, this file first, each once */
  chain: string[];
  /** findings of every file of the chain, each reported against its own file and line */
  findings: Finding[];
  /** This file's own top-level values (after `{{_base_.x}}` substitution), before merging into the bases. */
  own: DictValue;
  /** The merged value of this file's bases alone, which its own values were merged into. */
  base: DictValue;
  /** Per own key, the span of the statement that last assigned it. */
  assignments: Map<string, Span>;
}

export interface Resolver {
  resolve(path: string): ResolvedConfig;
}

export interface ResolverOptions {
  /** Files larger than this are not read (IO-003). Default 1 MiB. */
  maxBytes?: number;
  /**
   * Evaluations a caller already made (the scan classifies every config by
   * evaluating it), so each file is parsed once per run. Only valid for a
   * file that reads no `_base_.x` attribute: its values do not depend on its bases.
   */
  evaluated?: (path: string) => PreEvaluated | undefined;
  /**
   * A value the caller has proven structurally equal to a file's resolved
   * value, given to the files that inherit it in its place: verification
   * compares each emitted config with a conversion that shares its
   * unchanged parts with that value, so equal parts are found by identity.
   */
  settled?: (path: string) => DictValue | undefined;
}

/** A file's `_base_` declaration and its values, evaluated without bases. */
export interface PreEvaluated {
  decl?: BaseDecl;
  declFindings: Finding[];
  values: ModuleValues;
}

/** What the cache keeps per file, besides the public result. */
interface FileEntry {
  result: ResolvedConfig;
  /** The source had bytes at this path. */
  exists: boolean;
  /** Decoded and parsed without error, so it was evaluated. */
  readable: boolean;
  /** Findings about this file alone. */
  own: Finding[];
}

/** A file whose bases are being resolved; together these form the current `_base_` path. */
interface InProgress {
  own: Finding[];
  baseLine: number;
}

export function createResolver(source: SourceFiles, options: ResolverOptions = {}): Resolver {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cache = new Map<string, FileEntry>();
  // Insertion order is the order of descent, which names a cycle.
  const inProgress = new Map<string, InProgress>();

  const finish = (
    file: string,
    fields: { exists: boolean; readable: boolean; own: Finding[] },
    value: DictValue = dict(),
    bases: string[] = [],
    baseChains: readonly string[][] = [],
    parts: Pick<ResolvedConfig, 'own' | 'base' | 'assignments'> = {
      own: dict(),
      base: dict(),
      assignments: new Map(),
    },
  ): FileEntry => {
    const chain = [...new Set([file, ...baseChains.flat()])];
    const findings = chain.flatMap((f) => (f === file ? fields.own : (cache.get(f)?.own ?? [])));
    const ok = !findings.some((f) => f.severity === 'error');
    const result = { file, ok, value, bases, chain, findings, ...parts };
    const entry: FileEntry = { ...fields, result };
    cache.set(file, entry);
    return entry;
  };

  /** Reads, decodes and parses a file; evaluation waits for its combined bases. */
  const load = (
    file: string,
  ):
    | { problem: { exists: boolean; readable: boolean; own: Finding[] } }
    | { decl?: BaseDecl; declFindings: Finding[]; evaluate: (base: DictValue) => ModuleValues } => {
    const bytes = source.read(file);
    if (bytes === undefined) {
      const message = 'file does not exist, cannot be read, or leaves the repository';
      const own = [finding('IO-001', 'error', file, 0, message)];
      return { problem: { exists: false, readable: false, own } };
    }
    const decoded = decodeConfigBytes(bytes, file, maxBytes);
    if (decoded.problem) {
      return { problem: { exists: true, readable: false, own: [decoded.problem] } };
    }
    const mod = parseModule(decoded.text, file);
    if (mod.syntaxErrors.length > 0) {
      mod.tree.delete();
      // mmengine validates the syntax before anything else and stops there.
      return { problem: { exists: true, readable: false, own: [...mod.syntaxErrors] } };
    }
    const { decl, findings: declFindings } = readBaseDecl(mod);
    const evaluate = (base: DictValue): ModuleValues => {
      const values = evaluateModule(mod, { base, predefined: fileNameParts(file) });
      // Trees live in wasm memory, which only an explicit delete frees.
      mod.tree.delete();
      return values;
    };
    return { decl, declFindings, evaluate };
  };

  const resolveFile = (file: string): FileEntry => {
    const cached = cache.get(file);
    if (cached) return cached;

    if (!file.endsWith('.py')) {
      const own = [
        finding('IO-001', 'error', file, 0, 'only Python (.py) config files are resolved'),
      ];
      return finish(file, { exists: false, readable: false, own });
    }
    const loaded = options.evaluated?.(file) ?? load(file);
    if ('problem' in loaded) return finish(file, loaded.problem);
    const { decl, declFindings } = loaded;
    const own: Finding[] = [...declFindings];
    const baseLine = decl?.line ?? 0;
    const report = (rule: string, message: string) =>
      own.push(finding(rule, 'error', file, baseLine, message));

    const bases: string[] = [];
    const siblings: SiblingBase[] = [];
    const baseChains: string[][] = [];
    inProgress.set(file, { own, baseLine });
    // Cleared even if something below throws, so a later request sees no false cycle.
    try {
      for (const raw of decl?.paths ?? []) {
        if (raw.includes('::')) {
          report(
            'INH-016',
            `base '${raw}' is a package base (pkg::path); package bases are not resolved`,
          );
          continue;
        }
        const path = joinBasePath(file, raw);
        if (path === undefined) {
          report('INH-001', `base '${raw}' leaves the repository`);
          continue;
        }
        bases.push(path);
        if (!path.endsWith('.py')) {
          report(
            'INH-001',
            `base '${raw}' (${path}) is not a Python file; only .py bases are resolved`,
          );
          continue;
        }
        if (inProgress.has(path)) {
          reportCycle(path);
          continue;
        }
        const base = resolveFile(path);
        if (!base.exists) {
          report('INH-001', `base '${raw}' (${path}) does not exist or cannot be read`);
          continue;
        }
        baseChains.push(base.result.chain);
        if (!base.readable) {
          const why = [
            ...new Set(base.own.filter((f) => f.severity === 'error').map((f) => f.rule)),
          ];
          report('INH-001', `base '${raw}' (${path}) could not be read (${why.join(', ')})`);
          continue;
        }
        siblings.push({ file: path, value: options.settled?.(path) ?? base.result.value });
      }
    } finally {
      inProgress.delete(file);
    }

    const combined = mergeSiblingBases(siblings, { file, line: baseLine });
    own.push(...combined.findings);
    const evaluated = 'values' in loaded ? loaded.values : loaded.evaluate(combined.value);
    own.push(...evaluated.findings);

    const assignedLine = (key: DictKey) => evaluated.assignments.get(String(key))?.line ?? 0;
    const child = new Map<DictKey, Value>();
    for (const [name, value] of evaluated.names) {
      if (name.startsWith('__')) continue;
      const substituted = substituteBaseRefs(value, combined.value, file, assignedLine(name));
      own.push(...substituted.findings);
      child.set(name, substituted.value);
    }
    const merged = mergeIntoBase({ t: 'dict', entries: child }, combined.value, {
      file,
      lineOf: (path) => assignedLine(path[0]),
    });
    own.push(...merged.findings);
    for (const key of merged.value.entries.keys()) {
      if (typeof key === 'string' && key.startsWith('__')) merged.value.entries.delete(key);
    }
    const parts = {
      own: dict(child),
      base: combined.value,
      assignments: evaluated.assignments,
    };
    return finish(
      file,
      { exists: true, readable: true, own },
      merged.value,
      bases,
      baseChains,
      parts,
    );
  };

  /** `path` is being resolved further up: every file on the loop gets an INH-017 at its `_base_` line. */
  const reportCycle = (path: string): void => {
    const stack = [...inProgress.keys()];
    const loop = stack.slice(stack.indexOf(path));
    loop.forEach((member, i) => {
      const names = [...loop.slice(i), ...loop.slice(0, i), member];
      const state = inProgress.get(member)!;
      const message = `_base_ cycle: ${names.join(' → ')}`;
      if (!state.own.some((f) => f.rule === 'INH-017' && f.message === message)) {
        state.own.push(finding('INH-017', 'error', member, state.baseLine, message));
      }
    });
  };

  return {
    resolve(path: string): ResolvedConfig {
      const file = normalizeRepoPath(path);
      if (file === undefined) {
        return {
          file: path,
          ok: false,
          value: dict(),
          bases: [],
          chain: [],
          findings: [finding('IO-001', 'error', path, 0, 'path leaves the repository')],
          own: dict(),
          base: dict(),
          assignments: new Map(),
        };
      }
      return resolveFile(file).result;
    },
  };
}

/** The line of a config's first statement, where a finding about the whole file goes. */
export function firstLine(resolved: ResolvedConfig): number {
  let first = 0;
  for (const span of resolved.assignments.values()) {
    if (first === 0 || span.line < first) first = span.line;
  }
  return first;
}
