/**
 * Reads the arguments of a 0.x `tools/train.py` / `tools/test.py` command
 * line the way argparse does: flags expanded from unique prefixes
 * (CLI-GEN-002), `--flag=value` and `--flag value` alike, `nargs='+'` lists
 * running to the next flag, positionals in between. Usage synopses
 * (`[--out ${RESULT_FILE}]`) are recognised so that they are not mistaken for
 * real arguments.
 */
import { expandFlag, FLAGS_0X, ONLY_1X_FLAGS, type FlagSpec, type Script } from './flags.js';
import { isVarargs } from './invocation.js';
import type { Word } from './words.js';

export interface FlagArg {
  kind: 'flag';
  /** Word index of the flag. */
  at: number;
  /** The flag as written, without a synopsis bracket or an `=value`. */
  given: string;
  /** The 0.x flag it stands for, when it is one. */
  spec?: FlagSpec;
  /** A 1.x-only flag (`--amp`, `--tta`, `--wait-time`, `--local-rank`, bare `--resume`). */
  only1x?: boolean;
  ambiguous?: string[];
  /** `--flag=value`: the literal value (undefined when it has an expansion) and the value's source text. */
  inline?: { value?: string; raw?: string };
  /** Word indices of the values that follow the flag. */
  values: number[];
  /** Inside a `[...]` group of a usage synopsis. */
  synopsis: boolean;
}

export interface PositionalArg {
  kind: 'positional';
  at: number;
  synopsis: boolean;
  /** `"$@"` and the like: any number of arguments. */
  varargs: boolean;
}

export type Arg = FlagArg | PositionalArg;

const stripBrackets = (text: string): string => text.replace(/^\[+/, '').replace(/\]+$/, '');

function isFlagWord(word: Word): boolean {
  const v = word.value;
  if (v === undefined) return false;
  const t = stripBrackets(v);
  return t.startsWith('-') && !/^-\d/.test(t) && t !== '-';
}

/** Parses the words from `from` on as arguments of a 0.x script. */
export function parseArgs(words: readonly Word[], from: number, script: Script): Arg[] {
  const args: Arg[] = [];
  let group = false;
  const spec0 = FLAGS_0X[script];
  let i = from;
  while (i < words.length) {
    const word = words[i];
    const opens = word.text.startsWith('[');
    if (opens) group = true;
    const synopsis = group;
    const closes = (w: Word): boolean => w.text.endsWith(']');
    if (!isFlagWord(word)) {
      args.push({ kind: 'positional', at: i, synopsis, varargs: isVarargs(word) });
      if (synopsis && closes(word)) group = false;
      i++;
      continue;
    }
    const text = stripBrackets(word.value as string);
    const eq = text.indexOf('=');
    const given = eq < 0 ? text : text.slice(0, eq);
    const flag: FlagArg = { kind: 'flag', at: i, given, values: [], synopsis };
    if (eq >= 0) {
      const rawAt = word.text.indexOf(`${given}=`);
      flag.inline = {
        value: text.slice(eq + 1),
        raw: rawAt === 0 ? word.text.slice(given.length + 1) : undefined,
      };
    }
    i++;
    // Only a synopsis group ends at `]`; `key=[0]` is an ordinary value.
    const groupEnd = (w: Word): boolean => synopsis && closes(w);
    if (groupEnd(word)) group = false;
    const next = (): Word | undefined => words[i];
    const canTake = (w: Word | undefined): boolean =>
      w !== undefined && !isFlagWord(w) && !isVarargs(w) && !w.text.startsWith('[');
    if (script === 'train' && given === '--resume' && !flag.inline && !canTake(next())) {
      flag.only1x = true;
    } else if (ONLY_1X_FLAGS.has(given)) {
      flag.only1x = true;
    } else {
      const expansion = expandFlag(given, spec0);
      if (expansion.kind === 'ambiguous') flag.ambiguous = expansion.candidates;
      else if (expansion.kind !== 'unknown') flag.spec = expansion.flag;
    }
    const arity = flag.spec?.arity ?? (given === '--work_dir' ? 1 : 0);
    if (!flag.inline && !groupEnd(word)) {
      if (arity === 1 && canTake(next())) {
        flag.values.push(i);
        if (groupEnd(words[i])) group = false;
        i++;
      } else if (arity === '+') {
        while (canTake(next())) {
          flag.values.push(i);
          i++;
          if (groupEnd(words[i - 1])) {
            group = false;
            break;
          }
        }
      }
    }
    args.push(flag);
  }
  return args;
}
