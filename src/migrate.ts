/**
 * One migration run over a repository: scan, resolve every 0.x config chain,
 * convert each merged chain, write each file as the smallest delta over its
 * converted bases (bases first), and verify every written config by
 * resolving the new files again. A config that does not verify, and every
 * config that inherits from it, keeps its old text and says why.
 */
import layout from '../rules/emit.json' with { type: 'json' };
import { mergeSiblingBases } from './config/merge.js';
import { joinBasePath, normalizeRepoPath } from './config/paths.js';
import {
  createResolver,
  firstLine,
  type PreEvaluated,
  type ResolvedConfig,
  type Resolver,
} from './config/resolve.js';
import type { SourceFiles } from './config/source.js';
import { createConverter } from './convert/convert.js';
import { emitConfig } from './emit/rewrite.js';
import { diffPaths } from './emit/verify.js';
import { initParsers } from './python/parse.js';
import {
  folderCodebase,
  otherCodebaseConfigs,
  otherCodebaseScript,
  type OtherCodebases,
  type OtherConfig,
  otherProjectScriptLine,
  segmentationProjectFolders,
} from './scan/other-codebase.js';
import { libraryTests, vendoredFinding, vendoredPackages } from './scan/vendored.js';
import {
  getPath,
  isDict,
  none,
  strOf,
  valueEquals,
  withEntry,
  withoutKeys,
  withPath,
  type DictValue,
  type Value,
} from './python/values.js';
import { isRunnable } from './convert/hooks.js';
import { unremovableKeys } from './emit/delta.js';
import type { Statement } from './emit/statements.js';
import { finding, sortFindings, type Finding } from './report/findings.js';
import type { FileOutcome, MigrationReport } from './report/model.js';
import type { Classified, Role } from './scan/classify.js';
import { rewriteFileCommands, type CommandContext, type TextRewrite } from './commands/index.js';
import { rewritePythonScript } from './commands/python-api.js';
import type { DiscoverOptions } from './scan/discover.js';
import { scanRepository } from './scan/scan.js';

const COLLISION_OWNERS: Record<string, string[]> = layout.collisionOwners;
const CONSENSUS: string[][] = layout.consensusPaths.map((p) => p.split('.'));
const NULLABLE: ReadonlySet<string> = new Set(layout.nullable);
const PLACEMENT: Record<string, string[]> = layout.placement;
/** The scan's findings about a config's MMSegmentation version (DET-005 mixed, DET-006 shared). */
const VERSION_RULES: ReadonlySet<string> = new Set(['DET-005', 'DET-006']);

export type MigrateOptions = DiscoverOptions;

interface ConfigPlan {
  path: string;
  resolved: ResolvedConfig;
  target: DictValue;
  findings: Finding[];
  /** Why this config is not written, when it is not: it keeps its 0.x text. */
  hold?: 'unresolved' | 'mixed-chain' | 'other-codebase' | 'conversion-error';
}

export async function migrateRepository(
  root: string,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  // The Bash grammar, for command lines later, compiles off the main thread during the scan.
  const commandParsers = initParsers({ bash: true });
  commandParsers.catch(() => undefined);
  const scan = await scanRepository(root, options);
  const texts = new Map<string, string>();
  const decoder = new TextDecoder();
  // The scan already decoded every file it lists (its decoder drops the first BOM).
  const read = (path: string): string => {
    let text = texts.get(path);
    if (text === undefined) {
      const scanned = scan.texts.get(path);
      const bytes = scanned === undefined ? scan.source.read(path) : undefined;
      const decoded = scanned ?? (bytes === undefined ? '' : decoder.decode(bytes));
      text = decoded.replace(/^\uFEFF/, '');
      texts.set(path, text);
    }
    return text;
  };

  // A copy of the library and its own test suite are the 0.x library, not code that uses it.
  const paths = scan.files.map((f) => f.path);
  const vendored = vendoredPackages(paths);
  const tests = libraryTests(paths, vendored);
  const library = [...vendored, ...tests];
  const inLibrary = (path: string) => library.some((root) => path.startsWith(root));
  const allConfigs = scan.files.filter(
    (f) => (f.role === 'config' || f.role === 'base-config') && !inLibrary(f.path),
  );
  const others = otherCodebaseConfigs(allConfigs, scan.resolver);
  const configs = allConfigs.filter(
    (f) => f.version === '0.x' && f.path.endsWith('.py') && !others.configs.has(f.path),
  );
  const plans = planConversions(configs, allConfigs, scan.resolver, read, others.configs);
  const evaluations = new Map(
    scan.files.flatMap((f) => (f.evaluation ? [[f.path, f.evaluation] as const] : [])),
  );
  // Statement offsets hold only for the very text the scan parsed.
  const statements = new Map(
    scan.files.flatMap((f) =>
      f.statements && read(f.path) === scan.texts.get(f.path) ? [[f.path, f.statements]] : [],
    ),
  );
  const written = emitAll(plans, scan.source, read, evaluations, statements);

  const ownFiles = scan.files.filter((f) => !inLibrary(f.path));
  const scripts = await rewriteScripts(ownFiles, read, plans, scan.resolver, others);
  for (const [path, rewrite] of scripts) written.texts.set(path, rewrite.text);

  const outcomes = new Map<string, FileOutcome>();
  for (const file of scan.files) {
    const text = written.texts.get(file.path);
    const before = text === undefined ? '' : read(file.path);
    const blocked = written.blocked.has(file.path);
    const changed = text !== undefined && !blocked && text !== before;
    outcomes.set(file.path, {
      path: file.path,
      role: file.role,
      status: blocked ? 'blocked' : changed ? 'changed' : 'unchanged',
      before,
      after: changed ? text : before,
      findings: [],
      ...(file.bases && file.bases.length > 0 ? { bases: file.bases } : {}),
    });
  }
  const findings: Finding[] = [...scan.findings];
  const seen = new Set<string>();
  const allFindings = [
    // Another codebase's config is not a mixed or shared MMSegmentation one.
    ...scan.files.flatMap((f) =>
      others.configs.has(f.path)
        ? f.findings.filter((x) => !VERSION_RULES.has(x.rule))
        : f.findings,
    ),
    ...[...others.configs.values()].flatMap((o) => (o.finding ? [o.finding] : [])),
    ...[...plans.values()].flatMap((p) => p.findings),
    ...written.findings,
    ...[...scripts.values()].flatMap((r) => r.findings),
    ...vendored.map((root) => vendoredFinding(root, tests)),
  ];
  for (const f of allFindings) {
    const key = `${f.file}\0${f.line}\0${f.rule}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const outcome = outcomes.get(f.file);
    if (outcome) outcome.findings.push(f);
    else findings.push(f);
  }
  for (const outcome of outcomes.values()) outcome.findings = sortFindings(outcome.findings);
  return { root: scan.root, files: [...outcomes.values()], findings: sortFindings(findings) };
}

const MENTIONS_TOOL =
  /(?:train|test)\.py|dist_(?:train|test)|slurm_(?:train|test)|tools\/|--(?:load-from|resume|auto-resume|no-validate|gpu|seed|deterministic|diff_seed|options|cfg-options|eval|aug-test|format-only|show|opacity|tmpdir|work_dir|launcher)/;
const MENTIONS_LIBRARY = /\b(?:mmseg|mmcv)\b/;

const COMMAND_ROLES: ReadonlySet<Role> = new Set([
  'shell',
  'markdown',
  'workflow',
  'makefile',
  'dockerfile',
  'notebook',
]);

/**
 * Command lines (spec §13) in scripts, docs, workflows, Makefiles,
 * Dockerfiles and notebooks, and 0.x APIs in Python scripts (§14). A command
 * that names a config of this repository sees its 0.x and 1.x values.
 */
async function rewriteScripts(
  files: readonly Classified[],
  read: (path: string) => string,
  plans: ReadonlyMap<string, ConfigPlan>,
  resolver: Resolver,
  others: OtherCodebases,
): Promise<Map<string, TextRewrite>> {
  const configs = new Set(
    files.filter((f) => f.role === 'config' || f.role === 'base-config').map((f) => f.path),
  );
  const rewrites = new Map<string, TextRewrite>();
  const targets = files.filter((f) => COMMAND_ROLES.has(f.role) || f.role === 'python');
  if (targets.length === 0) return rewrites;
  await initParsers({ bash: true });
  const projectFolders = segmentationProjectFolders(others.projects, files);
  const shells = new Set(files.filter((f) => f.role === 'shell').map((f) => f.path));
  const ctx: CommandContext = {
    // A launcher the repository has runs MMSegmentation's tools when it names train.py or test.py.
    launcherRunsTools: (file, launcher) => {
      for (const path of [joinBasePath(file, launcher), normalizeRepoPath(launcher)]) {
        if (path !== undefined && shells.has(path))
          return /\b(?:train|test)\.py\b/.test(read(path));
      }
      return undefined;
    },
    configFor: (path) => {
      const other = others.configs.get(path);
      if (other !== undefined) {
        return { old: resolver.resolve(path).value, otherCodebase: other.codebase };
      }
      const plan = plans.get(path);
      if (plan) {
        if (plan.hold === 'unresolved') return undefined;
        return { old: plan.resolved.value, converted: plan.hold ? undefined : plan.target };
      }
      // A config that is already 1.x (or neutral) means the same in both versions.
      if (!configs.has(path)) return undefined;
      const resolved = resolver.resolve(path);
      return resolved.ok ? { old: resolved.value, converted: resolved.value } : undefined;
    },
  };
  for (const file of targets) {
    const text = read(file.path);
    // Most docs and scripts never mention a tool, a flag or the libraries: skip their parse.
    const relevant =
      MENTIONS_TOOL.test(text) || (file.role === 'python' && MENTIONS_LIBRARY.test(text));
    if (!relevant) continue;
    // Another codebase's files would only be broken by MMSegmentation's moves.
    if (folderCodebase(file.path, others.projects)) continue;
    const rewrite =
      file.role === 'python'
        ? rewritePythonScript(file.path, text, ctx)
        : rewriteFileCommands(file.path, text, file.role, ctx);
    const imported =
      file.role === 'python' && (rewrite.text !== text || rewrite.findings.length > 0)
        ? otherCodebaseScript(text)
        : undefined;
    if (imported !== undefined) {
      const message = `an ${imported.codebase} script (it imports that codebase, not mmseg): left as it is`;
      rewrites.set(file.path, {
        text,
        findings: [finding('DET-011', 'info', file.path, imported.line, message)],
      });
      continue;
    }
    // Another project's script: its mmcv is not the one this migration moves.
    const otherProject =
      file.role === 'python' && rewrite.text !== text
        ? otherProjectScriptLine(file.path, text, projectFolders)
        : undefined;
    if (otherProject !== undefined) {
      const where = projectFolders.join(', ');
      const message = `left as it is: this script sits outside the MMSegmentation project (${where}) and does not import mmseg, so the mmcv it uses may not be the one this migration moves to 2.x; migrate it by hand if that project runs it`;
      rewrites.set(file.path, {
        text,
        findings: [finding('DET-012', 'warning', file.path, otherProject, message)],
      });
      continue;
    }
    rewrites.set(file.path, rewrite);
  }
  return rewrites;
}

/** T(F) = convert(M0(F)) for every 0.x config, with repo-wide adjustments (INH-011, INH-014). */
function planConversions(
  configs: readonly Classified[],
  allConfigs: readonly Classified[],
  resolver: Resolver,
  read: (path: string) => string,
  others: ReadonlyMap<string, OtherConfig>,
): Map<string, ConfigPlan> {
  const plans = new Map<string, ConfigPlan>();
  // img_norm_cfg is removed everywhere unless some config still reads it from its bases.
  const keepsNormCfg = allConfigs.some((c) => /_base_\s*\.\s*img_norm_cfg/.test(read(c.path)));
  const versions = new Map(allConfigs.map((c) => [c.path, c.version]));
  const convert = createConverter();
  for (const config of configs) {
    const path = config.path;
    const resolved = resolver.resolve(path);
    const findings = [...resolved.findings];
    if (!resolved.ok) {
      plans.set(path, { path, resolved, target: resolved.value, findings, hold: 'unresolved' });
      continue;
    }
    // A 0.x file on 1.x bases (a half-migrated chain) has no 0.x meaning to convert.
    const newer = resolved.chain.find(
      (b) => b !== path && /1\.x|mixed/.test(versions.get(b) ?? ''),
    );
    if (newer !== undefined) {
      // On the first 0.x construct: that is where the hand work starts.
      const line = config.signals.find((s) => s.kind !== 'strong-1.x')?.line ?? 0;
      findings.push(
        finding(
          'DET-009',
          'warning',
          path,
          line,
          `this 0.x config inherits from ${newer}, which is already 1.x: migrate it by hand`,
        ),
      );
      plans.set(path, { path, resolved, target: resolved.value, findings, hold: 'mixed-chain' });
      continue;
    }
    const conversion = convert(resolved.value, { file: path });
    findings.push(...conversion.findings);
    // A pipeline the conversion left as it was (its dataset is unknown) still reads img_norm_cfg.
    const target =
      keepsNormCfg || readsNormCfg(conversion.value)
        ? conversion.value
        : withoutKeys(conversion.value, ['img_norm_cfg']);
    // Do no harm: a config with a construct that has no faithful 1.x form stays as it was.
    const failed = conversion.findings.some((f) => f.severity === 'error');
    plans.set(path, {
      path,
      resolved,
      target,
      findings,
      ...(failed ? { hold: 'conversion-error' as const } : {}),
    });
  }
  holdSharersOfOtherCodebases(plans, others);
  applyConsensus(plans);
  resolveSiblingCollisions(plans);
  reportOnceAlongChains(plans);
  return plans;
}

/**
 * An MMSegmentation config that shares a base with another codebase's
 * configs stays as it is: that base does not change, and converting the
 * config alone would leave 0.x keys in its chain.
 */
function holdSharersOfOtherCodebases(
  plans: Map<string, ConfigPlan>,
  others: ReadonlyMap<string, OtherConfig>,
): void {
  if (others.size === 0) return;
  for (const plan of plans.values()) {
    if (plan.hold !== undefined && plan.hold !== 'conversion-error') continue;
    const shared = plan.resolved.chain.slice(1).find((b) => others.has(b));
    if (shared === undefined) continue;
    const message = `inherits ${shared}, which ${others.get(shared)!.codebase} configs share, so both stay as they are: give the MMSegmentation configs a base of their own`;
    // Not converted: only its resolution's findings and the reason remain.
    plan.target = plan.resolved.value;
    plan.findings = [
      ...plan.resolved.findings,
      finding('DET-011', 'warning', plan.path, firstLine(plan.resolved), message),
    ];
    plan.hold = 'other-codebase';
  }
}

/**
 * Where a finding about a 1.x key of a config goes: the statement that
 * assigns it, else the 0.x statement the key comes from (`checkpoint_config`
 * for `default_hooks`), else `otherwise` (the file's first statement).
 */
function keyLine(resolved: ResolvedConfig, key: string, otherwise = firstLine(resolved)): number {
  for (const name of [key, ...(PLACEMENT[key] ?? [])]) {
    const line = resolved.assignments.get(name)?.line;
    if (line !== undefined) return line;
  }
  return otherwise;
}

/**
 * A 0.x `Normalize` that reads `img_norm_cfg` is still in the config: a
 * pipeline the conversion left as it was (its dataset is unknown) keeps its
 * statement as written, `**img_norm_cfg` and all, so the variable stays.
 */
function readsNormCfg(config: DictValue): boolean {
  const normCfg = config.entries.get('img_norm_cfg');
  if (!isDict(normCfg)) return false;
  // `**img_norm_cfg` puts the very values of that dict into the transform.
  const shared = new Set(normCfg.entries.values());
  // A plain walk with early exits: this runs for every config, so it allocates nothing per node.
  const reads = (v: Value): boolean => {
    if (v.t === 'list' || v.t === 'tuple') {
      for (const item of v.items) if (reads(item)) return true;
      return false;
    }
    if (v.t !== 'dict' || v === normCfg) return false;
    const normalize = strOf(v.entries.get('type')) === 'Normalize';
    for (const entry of v.entries.values()) {
      if (normalize && (shared.has(entry) || entry.at?.via === 'img_norm_cfg')) return true;
      if (reads(entry)) return true;
    }
    return false;
  };
  if (strOf(config.entries.get('type')) === 'Normalize') return reads(config);
  // Configs share their top-level values (a base's converted model or loader): each is walked once.
  let known = readsOfNormCfg.get(normCfg);
  if (known === undefined) readsOfNormCfg.set(normCfg, (known = new WeakMap()));
  for (const value of config.entries.values()) {
    let read = known.get(value);
    if (read === undefined) known.set(value, (read = reads(value)));
    if (read) return true;
  }
  return false;
}

/** Per `img_norm_cfg` dict, whether a top-level value reads it. */
const readsOfNormCfg = new WeakMap<DictValue, WeakMap<Value, boolean>>();

/**
 * INH-012: a shared base cannot see its siblings (a schedule base does not
 * know the logger interval of the runtime base; a model base does not know
 * the dataset's normalisation). Where every runnable config that inherits the
 * base agrees on such a value, the base carries it, as the official configs
 * do; otherwise each config writes its own.
 */
function applyConsensus(plans: Map<string, ConfigPlan>): void {
  const runnable = [...plans.values()].filter((p) => !p.hold && isRunnable(p.resolved.value));
  for (const plan of plans.values()) {
    if (plan.hold || isRunnable(plan.resolved.value)) continue;
    const users = runnable.filter((u) => u.resolved.chain.slice(1).includes(plan.path));
    if (users.length === 0) continue;
    const agreed: string[] = [];
    const agreedKeys: string[] = [];
    for (const path of CONSENSUS) {
      if (!isDict(getPath(plan.target, path.slice(0, -1))) || getPath(plan.target, path)) continue;
      const values = users.map((u) => getPath(u.target, path));
      const first = values[0];
      if (first === undefined || !values.every((v) => v !== undefined && valueEquals(v, first))) {
        continue;
      }
      plan.target = withPath(plan.target, path, first);
      agreed.push(`\`${path.join('.')}\``);
      agreedKeys.push(path[0]);
    }
    if (agreed.length > 0) {
      plan.findings.push(
        finding(
          'INH-012',
          'info',
          plan.path,
          keyLine(plan.resolved, agreedKeys[0]),
          `${agreed.join(', ')} written here: every config that inherits this file agrees on ${agreed.length > 1 ? 'them' : 'it'}`,
        ),
      );
    }
  }
}

/**
 * A base's conversion finding recurs in every config that inherits from it
 * (the merged view carries the same value); when the config itself has no
 * location for it (line 0: the value was merged), it is reported once, on
 * the base.
 */
function reportOnceAlongChains(plans: Map<string, ConfigPlan>): void {
  const said = (path: string) =>
    new Set((plans.get(path)?.findings ?? []).map((f) => `${f.rule}\0${f.message}`));
  const own = new Map([...plans.keys()].map((path) => [path, said(path)]));
  for (const plan of plans.values()) {
    const inherited = new Set(plan.resolved.chain.slice(1).flatMap((b) => [...(own.get(b) ?? [])]));
    plan.findings = plan.findings.filter(
      (f) => !(f.file === plan.path && f.line === 0 && inherited.has(`${f.rule}\0${f.message}`)),
    );
  }
}

/**
 * INH-011: converted siblings may produce the same 1.x key (e.g. `tta_model`
 * from a dataset base and from the runtime base), which mmengine refuses. The
 * key stays in the member that owns it; the others drop it, and the files
 * that combine them write the difference.
 */
function resolveSiblingCollisions(plans: Map<string, ConfigPlan>): void {
  for (const plan of plans.values()) {
    if (plan.hold) continue;
    const members = plan.resolved.bases
      .map((b) => plans.get(b))
      .filter((p): p is ConfigPlan => p !== undefined && !p.hold);
    if (members.length < 2) continue;
    const holders = new Map<string, ConfigPlan[]>();
    for (const member of members) {
      for (const key of member.target.entries.keys()) {
        holders.set(String(key), [...(holders.get(String(key)) ?? []), member]);
      }
    }
    for (const [key, holding] of holders) {
      if (holding.length < 2) continue;
      const owners = COLLISION_OWNERS[key] ?? [];
      const owner =
        holding.find((m) => owners.some((o) => m.resolved.value.entries.has(o))) ?? holding[0];
      for (const member of holding) {
        if (member === owner) continue;
        // The key goes from the member and from every base it inherits the key from.
        for (const path of member.resolved.chain) {
          const holder = plans.get(path);
          if (!holder?.target.entries.has(key)) continue;
          holder.target = withoutKeys(holder.target, [key]);
          holder.findings.push(
            finding(
              'INH-011',
              'info',
              holder.path,
              // Line 0 where the file only inherits the key: it is reported once, on the base.
              keyLine(holder.resolved, key, 0),
              `\`${key}\` is kept only in ${owner.path}, which ${plan.path} also inherits`,
            ),
          );
        }
      }
    }
  }
}

/** Emits every planned config, bases first, verifying each against its target. */
function emitAll(
  plans: ReadonlyMap<string, ConfigPlan>,
  original: SourceFiles,
  read: (path: string) => string,
  evaluations: ReadonlyMap<string, PreEvaluated>,
  statements: ReadonlyMap<string, readonly Statement[]>,
): { texts: Map<string, string>; blocked: Set<string>; findings: Finding[] } {
  const texts = new Map<string, string>();
  const blocked = new Set<string>();
  const findings: Finding[] = [];
  const encoder = new TextEncoder();
  const overlay: SourceFiles = {
    read: (path) => {
      const text = texts.get(path);
      return text === undefined ? original.read(path) : encoder.encode(text);
    },
  };
  // A verified config's target: what its new text resolves to, up to dict order and provenance.
  const verified = new Map<string, DictValue>();
  // A file whose text did not change evaluates as the scan saw it; only new text is parsed again.
  const verifier = createResolver(overlay, {
    evaluated: (path) => {
      const text = texts.get(path);
      return text === undefined || text === read(path) ? evaluations.get(path) : undefined;
    },
    settled: (path) => verified.get(path),
  });

  for (const path of basesFirst(plans)) {
    const plan = plans.get(path)!;
    if (
      plan.hold === 'unresolved' ||
      plan.hold === 'mixed-chain' ||
      plan.hold === 'other-codebase'
    ) {
      continue;
    }
    if (plan.hold === 'conversion-error') {
      blocked.add(path);
      findings.push(
        finding(
          'EMIT-004',
          'error',
          path,
          // On the first error that holds it back.
          plan.findings.find((f) => f.severity === 'error' && f.file === path && f.line > 0)
            ?.line ?? firstLine(plan.resolved),
          'not rewritten: its conversion reports an error; fix it by hand and run again',
        ),
      );
      continue;
    }
    const failedBase = plan.resolved.chain.slice(1).find((b) => blocked.has(b));
    if (failedBase) {
      blocked.add(path);
      findings.push(
        finding(
          'INH-013',
          'error',
          path,
          firstLine(plan.resolved),
          `not rewritten: its base ${failedBase} did not verify`,
        ),
      );
      continue;
    }
    // A verified base's target is what its new text resolves to (up to dict
    // order and provenance), and shares its unchanged parts with this target.
    const siblings = plan.resolved.bases.map((b) => ({
      file: b,
      value: verified.get(b) ?? verifier.resolve(b).value,
    }));
    const base = mergeSiblingBases(siblings, { file: path, line: 0 });
    // A config cannot remove a top-level key its bases define: a val/test
    // part it lacks is set to None (mmengine wants loader, loop and
    // evaluator together or none); anything else is inherited.
    for (const key of unremovableKeys(plan.target, base.value)) {
      if (NULLABLE.has(key)) {
        plan.target = withEntry(plan.target, key, none());
        findings.push(
          finding(
            'EMIT-003',
            'info',
            path,
            keyLine(plan.resolved, key),
            `\`${key} = None\`: this config has no ${key.split('_')[0]} split, but its bases define \`${key}\``,
          ),
        );
        continue;
      }
      plan.target = withEntry(plan.target, key, base.value.entries.get(key)!);
      findings.push(
        finding(
          'EMIT-002',
          'warning',
          path,
          keyLine(plan.resolved, key),
          `\`${key}\` is inherited from the converted bases although this config's conversion has none; check that it still fits`,
        ),
      );
    }
    const emitted = emitConfig({
      file: path,
      source: read(path),
      own: plan.resolved.own,
      base: base.value,
      target: plan.target,
      statements: statements.get(path),
    });
    findings.push(...emitted.findings);
    if (emitted.findings.some((f) => f.severity === 'error') || base.findings.length > 0) {
      findings.push(...base.findings);
      blocked.add(path);
      continue;
    }
    texts.set(path, emitted.text);
    const check = verifier.resolve(path);
    const differences = check.ok ? diffPaths(check.value, plan.target) : ['(does not resolve)'];
    if (differences.length === 0) verified.set(path, plan.target);
    else {
      blocked.add(path);
      const shown = differences.slice(0, 8).join(', ');
      const more = differences.length > 8 ? ` and ${differences.length - 8} more` : '';
      findings.push(
        finding(
          'INH-013',
          'error',
          path,
          keyLine(plan.resolved, differences[0].split(/[.[]/)[0]),
          `not rewritten: the new chain differs from the conversion at ${shown}${more}`,
        ),
        ...check.findings.filter((f) => f.severity === 'error'),
      );
    }
  }
  return { texts, blocked, findings };
}

/** Paths ordered so that every config comes after the configs it inherits from. */
function basesFirst(plans: ReadonlyMap<string, ConfigPlan>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (path: string) => {
    if (state.has(path)) return;
    state.set(path, 'visiting');
    for (const base of plans.get(path)?.resolved.bases ?? []) if (plans.has(base)) visit(base);
    state.set(path, 'done');
    order.push(path);
  };
  for (const path of [...plans.keys()].sort()) visit(path);
  return order;
}
