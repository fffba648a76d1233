/**
 * The argparse flags of `tools/train.py` and `tools/test.py` in MMSegmentation
 * 0.30.0 and 1.1.1 (spec §13.3, §13.4), and argparse's prefix matching
 * (CLI-GEN-002): a unique prefix of a long flag stands for the flag.
 */
export type Script = 'train' | 'test';

/** How many values a flag takes: none, exactly one, or one or more (`nargs='+'`). */
export type Arity = 0 | 1 | '+';

export interface FlagSpec {
  name: string;
  arity: Arity;
}

export interface ScriptSpec {
  positionals: readonly string[];
  flags: readonly FlagSpec[];
}

const flags = (entries: Record<string, Arity>): FlagSpec[] =>
  Object.entries(entries).map(([name, arity]) => ({ name, arity }));

export const FLAGS_0X: Record<Script, ScriptSpec> = {
  train: {
    positionals: ['config'],
    flags: flags({
      '--work-dir': 1,
      '--load-from': 1,
      '--resume-from': 1,
      '--no-validate': 0,
      '--gpus': 1,
      '--gpu-ids': '+',
      '--gpu-id': 1,
      '--seed': 1,
      '--diff_seed': 0,
      '--deterministic': 0,
      '--options': '+',
      '--cfg-options': '+',
      '--launcher': 1,
      '--local_rank': 1,
      '--auto-resume': 0,
    }),
  },
  test: {
    positionals: ['config', 'checkpoint'],
    flags: flags({
      '--work-dir': 1,
      '--aug-test': 0,
      '--out': 1,
      '--format-only': 0,
      '--eval': '+',
      '--show': 0,
      '--show-dir': 1,
      '--gpu-collect': 0,
      '--gpu-id': 1,
      '--tmpdir': 1,
      '--options': '+',
      '--cfg-options': '+',
      '--eval-options': '+',
      '--launcher': 1,
      '--opacity': 1,
      '--local_rank': 1,
    }),
  },
};

export const FLAGS_1X: Record<Script, ScriptSpec> = {
  train: {
    positionals: ['config'],
    flags: flags({
      '--work-dir': 1,
      '--resume': 0,
      '--amp': 0,
      '--cfg-options': '+',
      '--launcher': 1,
      '--local_rank': 1,
      '--local-rank': 1,
    }),
  },
  test: {
    positionals: ['config', 'checkpoint'],
    flags: flags({
      '--work-dir': 1,
      '--out': 1,
      '--show': 0,
      '--show-dir': 1,
      '--wait-time': 1,
      '--cfg-options': '+',
      '--launcher': 1,
      '--tta': 0,
      '--local_rank': 1,
      '--local-rank': 1,
    }),
  },
};

export type Expansion =
  | { kind: 'exact' | 'prefix'; flag: FlagSpec }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

/** What argparse makes of a `--name`: an exact flag, a unique prefix, an ambiguous prefix, or nothing. */
export function expandFlag(name: string, spec: ScriptSpec): Expansion {
  const exact = spec.flags.find((f) => f.name === name);
  if (exact) return { kind: 'exact', flag: exact };
  const matches = spec.flags.filter((f) => f.name.startsWith(name));
  if (matches.length === 1) return { kind: 'prefix', flag: matches[0] };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.map((f) => f.name) };
  return { kind: 'unknown' };
}

/** Flags a 1.x command line may use that 0.x did not have (they mark a command as already 1.x). */
export const ONLY_1X_FLAGS = new Set(['--amp', '--tta', '--wait-time', '--local-rank']);
