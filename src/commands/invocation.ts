/**
 * Which MMSegmentation tool a simple command runs (CLI-GEN-001):
 * `tools/train.py` / `tools/test.py` under a Python wrapper (`python -u`,
 * `python -m torch.distributed.launch …`, `torchrun …`, `srun … python`), a
 * launcher (`dist_train.sh`, `dist_test.sh`, `slurm_train.sh`,
 * `slurm_test.sh`, spec §13.2), or another tool under `tools/` (CLI-TOOL-001).
 */
import type { Script } from './flags.js';
import type { Word } from './words.js';

export type LauncherName = 'dist_train' | 'dist_test' | 'slurm_train' | 'slurm_test';

export interface LauncherSpec {
  script: Script;
  rule: string;
  /** Positional launcher arguments before the pass-through part. */
  positionals: readonly string[];
}

export const LAUNCHERS: Record<LauncherName, LauncherSpec> = {
  dist_train: { script: 'train', rule: 'CLI-LAUNCH-001', positionals: ['CONFIG', 'GPUS'] },
  dist_test: {
    script: 'test',
    rule: 'CLI-LAUNCH-002',
    positionals: ['CONFIG', 'CHECKPOINT', 'GPUS'],
  },
  slurm_train: {
    script: 'train',
    rule: 'CLI-LAUNCH-003',
    positionals: ['PARTITION', 'JOB_NAME', 'CONFIG'],
  },
  slurm_test: {
    script: 'test',
    rule: 'CLI-LAUNCH-004',
    positionals: ['PARTITION', 'JOB_NAME', 'CONFIG', 'CHECKPOINT'],
  },
};

export type Invocation =
  | {
      kind: 'script';
      script: Script;
      /** Index of the `tools/train.py` / `tools/test.py` word. */
      at: number;
      launcher?: LauncherName;
      /** First word of the part the script's argparse reads. */
      argsFrom: number;
      /** Script positionals the launcher fills (config, checkpoint). */
      filled: { config?: number; checkpoint?: number };
    }
  | { kind: 'tool'; at: number; path: string };

/** Programs that run a script or a command given as their arguments. */
const WRAPPERS =
  /^(python[\d.]*|python[\d.]*m?|torchrun|sh|bash|zsh|dash|srun|nohup|time|env|exec|sudo|stdbuf|mpirun|ipython|conda|uv|poetry|pdm|xargs|command|setsid|taskset|numactl|timeout)$/;
const PYTHON = /^(python[\d.]*|torchrun|ipython)$/;

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A word that may expand to any number of arguments (`"$@"`, `${@:3}`, `$*`, `${ARGS[@]}`). */
export function isVarargs(word: Word): boolean {
  return word.value === undefined && /^"?\$(\{?[@*]|\{[A-Za-z_]\w*\[[@*]\]\})/.test(word.text);
}

/** Recognises the tool a command runs, or undefined for any other command. */
export function recognise(words: readonly Word[]): Invocation | undefined {
  if (words.length === 0) return undefined;
  const head = words[0].value;
  const headName = head === undefined ? undefined : basename(head);
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === undefined) continue;
    const launcher = /(^|\/)(dist_train|dist_test|slurm_train|slurm_test)\.sh$/.exec(value);
    const script = /(^|\/)tools\/(train|test)\.py$/.exec(value);
    const tool = /(^|\/)tools\/[\w/]+\.py$/.exec(value);
    if (!launcher && !script && !tool) continue;
    // The tool must be what runs: the command itself or the script of a wrapper.
    const wrapped = i > 0 && headName !== undefined && WRAPPERS.test(headName);
    if (launcher) {
      if (i !== 0 && !wrapped) return undefined;
      const name = launcher[2] as LauncherName;
      const spec = LAUNCHERS[name];
      const slot = (label: string): number | undefined => {
        const k = spec.positionals.indexOf(label);
        return k < 0 ? undefined : i + 1 + k;
      };
      return {
        kind: 'script',
        script: spec.script,
        at: i,
        launcher: name,
        argsFrom: i + 1 + spec.positionals.length,
        filled: { config: slot('CONFIG'), checkpoint: slot('CHECKPOINT') },
      };
    }
    const python = words
      .slice(0, i)
      .some((w) => w.value !== undefined && PYTHON.test(basename(w.value)));
    if (!wrapped || !python) return undefined;
    if (script) {
      return {
        kind: 'script',
        script: script[2] as Script,
        at: i,
        argsFrom: i + 1,
        filled: {},
      };
    }
    return { kind: 'tool', at: i, path: value };
  }
  return undefined;
}
