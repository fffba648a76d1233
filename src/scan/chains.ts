/**
 * DET-006: a config with neutral content only (a model file, a leaf that
 * just changes `num_classes`) takes the verdict of the `_base_` chains it
 * belongs to. A chain is 0.x or 1.x by the files in it that have a verdict
 * of their own (a mixed file counts as 1.x, DET-005). A neutral file used by
 * both 0.x and 1.x chains keeps `neutral` and gets a warning: rewriting it
 * for one side would break the other.
 */
import { finding, type Finding } from '../report/findings.js';
import type { Classified } from './classify.js';

type Side = '0.x' | '1.x';

/**
 * `bases` maps a config to the configs its `_base_` names (repo-relative).
 * Returns the files with neutral verdicts replaced, plus DET-006 findings
 * (also attached to the files they are about).
 */
export function applyChainVerdicts(
  files: readonly Classified[],
  bases: ReadonlyMap<string, readonly string[]>,
): Classified[] {
  const byPath = new Map(files.filter(isConfig).map((f) => [f.path, f]));
  const chains = chainSets(byPath, bases);

  const sidesOf = new Map<string, Set<Side>>();
  const chainCount = new Map<string, { old: number; new: number }>();
  for (const chain of chains.values()) {
    const sides = new Set<Side>();
    for (const member of chain) {
      const side = ownSide(byPath.get(member));
      if (side) sides.add(side);
    }
    for (const member of chain) {
      if (byPath.get(member)?.version !== 'neutral') continue;
      const acc = sidesOf.get(member) ?? new Set<Side>();
      sides.forEach((s) => acc.add(s));
      sidesOf.set(member, acc);
      const count = chainCount.get(member) ?? { old: 0, new: 0 };
      if (sides.has('0.x')) count.old += 1;
      if (sides.has('1.x')) count.new += 1;
      chainCount.set(member, count);
    }
  }

  return files.map((file) => {
    if (!isConfig(file) || file.version !== 'neutral') return file;
    const sides = sidesOf.get(file.path);
    if (!sides || sides.size === 0) return file;
    if (sides.size === 1) return { ...file, version: [...sides][0], verdictBy: 'chain' };
    const count = chainCount.get(file.path)!;
    const conflict: Finding = finding(
      'DET-006',
      'warning',
      file.path,
      0,
      `neutral config in the chains of ${count.old} 0.x and ${count.new} 1.x configs; ` +
        'left as it is, because rewriting it for one side would break the other',
    );
    return { ...file, findings: [...file.findings, conflict] };
  });
}

function isConfig(file: Classified): boolean {
  return file.role === 'config' || file.role === 'base-config';
}

function ownSide(file: Classified | undefined): Side | undefined {
  if (file?.version === '0.x') return '0.x';
  if (file?.version === '1.x' || file?.version === 'mixed') return '1.x';
  return undefined;
}

/** Every config's chain (itself plus everything reachable through `_base_`), memoised per file. */
function chainSets(
  configs: ReadonlyMap<string, Classified>,
  bases: ReadonlyMap<string, readonly string[]>,
): Map<string, Set<string>> {
  const done = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const chainOf = (path: string): Set<string> => {
    const known = done.get(path);
    if (known) return known;
    const chain = new Set<string>([path]);
    // A cycle is reported by the resolver; here it only must not recurse forever.
    if (visiting.has(path)) return chain;
    visiting.add(path);
    for (const base of bases.get(path) ?? []) {
      if (configs.has(base)) chainOf(base).forEach((member) => chain.add(member));
    }
    visiting.delete(path);
    done.set(path, chain);
    return chain;
  };
  for (const path of configs.keys()) chainOf(path);
  return done;
}
