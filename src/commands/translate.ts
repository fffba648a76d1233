/**
 * A recognised 0.x `tools/train.py` / `tools/test.py` invocation → the edits
 * that make it 1.x (spec §13.1–13.4): words replaced or removed in place, new
 * arguments at the end, and new `--cfg-options` items merged into the one
 * `--cfg-options` of the command. The plan says nothing about text; the
 * container renders it (shell words, JSON exec-form strings).
 */
import { isDict, strOf } from '../python/values.js';
import type { Severity } from '../report/findings.js';
import { parseArgs, type Arg, type FlagArg } from './argv.js';
import { configPathRename } from './config-paths.js';
import { FLAGS_1X, type Script } from './flags.js';
import type { Invocation } from './invocation.js';
import { LAUNCHERS } from './invocation.js';
import {
  keyVersion,
  testIouMetrics,
  translateKey,
  type ConfigView,
  type KeyOut,
  type Note,
} from './keys.js';
import { valueAt } from './resolved.js';
import { lit, wordPiece, type NewArg, type Piece, type Word } from './words.js';

export interface PlacedNote extends Note {
  /** Word index the note is about. */
  word: number;
  before?: string;
  after?: string;
}

export interface CommandPlan {
  /** Word index → the arguments that replace it (none: the word is removed). */
  replace: Map<number, NewArg[]>;
  /** New `--cfg-options` items go after this word; undefined: a new `--cfg-options` at the end. */
  cfgAnchor?: number;
  cfgItems: NewArg[];
  /** New arguments for the end of the command, before a new `--cfg-options`. */
  append: NewArg[];
  notes: PlacedNote[];
}

export interface TranslateContext {
  file: string;
  configFor?: (path: string) => ConfigView | undefined;
  /**
   * Whether a launcher named on a command line of `file` runs
   * MMSegmentation's `train.py`/`test.py`; undefined when the repository
   * does not have it (then it is taken to be MMSegmentation's).
   */
  launcherRunsTools?: (file: string, launcher: string) => boolean | undefined;
}

const IOU_METRICS = new Set(['mIoU', 'mDice', 'mFscore']);
const CFG_FLAGS = new Set(['--cfg-options', '--options']);

const names1x = (script: Script): Set<string> => new Set(FLAGS_1X[script].flags.map((f) => f.name));

/** A repo-relative path for a config named on a command line, when it is one. */
function repoPath(value: string | undefined): string | undefined {
  if (value === undefined || value.startsWith('/') || value.startsWith('~')) return undefined;
  const path = value.replace(/^(\.\/)+/, '');
  return path.split('/').includes('..') ? undefined : path;
}

/** The source text of a `key=value` word with a new key, keeping how the value was written. */
function withKey(word: Word, oldKey: string, newKey: string): NewArg | undefined {
  const m = /^(['"]?)/.exec(word.text);
  const quote = m ? m[1] : '';
  if (word.text.startsWith(`${quote}${oldKey}=`)) {
    return [{ raw: `${quote}${newKey}=${word.text.slice(quote.length + oldKey.length + 1)}` }];
  }
  if (word.value !== undefined) return lit(`${newKey}=${word.value.slice(oldKey.length + 1)}`);
  return undefined;
}

/** Plans the 1.x form of one invocation; an empty plan when nothing changes. */
export function planInvocation(
  words: readonly Word[],
  inv: Extract<Invocation, { kind: 'script' }>,
  ctx: TranslateContext,
): CommandPlan {
  const plan: CommandPlan = { replace: new Map(), cfgItems: [], append: [], notes: [] };
  // A repository's own `dist_train.sh` may run something else (a timm `main.py`).
  const launcher = inv.launcher === undefined ? undefined : words[inv.at].value;
  if (launcher !== undefined && ctx.launcherRunsTools?.(ctx.file, launcher) === false) return plan;
  const script = inv.script;
  const notes = plan.notes;
  const say = (word: number, rule: string, severity: Severity, message: string): void => {
    notes.push({ word, rule, severity, message });
  };
  const args = parseArgs(words, inv.argsFrom, script);

  // Positionals: the launcher's, then the script's own.
  const positionals = args.filter((a) => a.kind === 'positional' && !a.synopsis);
  let configAt = inv.filled.config;
  const slots = script === 'train' ? 1 : 2;
  const filled =
    (inv.filled.config !== undefined ? 1 : 0) + (inv.filled.checkpoint !== undefined ? 1 : 0);
  const extra: number[] = [];
  let free = slots - filled;
  let seenVarargs = false;
  for (const p of positionals) {
    if (p.kind !== 'positional') continue;
    if (p.varargs) {
      seenVarargs = true;
      continue;
    }
    if (free > 0 && !seenVarargs) {
      if (configAt === undefined) configAt = p.at;
      free--;
    } else if (!seenVarargs) extra.push(p.at);
  }
  if (inv.launcher && configAt !== undefined && configAt >= words.length) configAt = undefined;
  for (const at of extra) {
    const rule = inv.launcher ? LAUNCHERS[inv.launcher].rule : 'CLI-GEN-009';
    say(
      at,
      rule,
      'warning',
      `\`${words[at].text}\` is an extra argument${inv.launcher ? ' after the launcher positionals' : ''}: argparse rejects it in 0.x and 1.x (a work directory is \`--work-dir DIR\`). Left as written.`,
    );
  }

  // The config named on the line, for rules that read it.
  const configWord = configAt !== undefined ? words[configAt] : undefined;
  const path = repoPath(configWord?.value);
  const config = path !== undefined ? ctx.configFor?.(path) : undefined;
  if (config?.otherCodebase !== undefined && configAt !== undefined) {
    return {
      replace: new Map(),
      cfgItems: [],
      append: [],
      notes: [
        {
          word: configAt,
          rule: 'DET-011',
          severity: 'info',
          message: `\`${path}\` is an ${config.otherCodebase} config, not an MMSegmentation one: the command is left as written.`,
        },
      ],
    };
  }
  if (configWord?.value !== undefined && configAt !== undefined) {
    // A path outside the repository cannot be a repository config.
    const known = path === undefined ? false : ctx.configFor ? config !== undefined : undefined;
    const rename = configPathRename(configWord.value, known);
    if (rename?.to) {
      const text = configWord.text.includes(rename.from)
        ? [{ raw: configWord.text.replace(rename.from, rename.to) }]
        : lit(configWord.value!.replace(rename.from, rename.to));
      plan.replace.set(configAt, [text]);
      notes.push({
        word: configAt,
        rule: 'CLI-GEN-003',
        severity: 'info',
        message: `Upstream config \`${rename.from}\` is \`${rename.to}\` in 1.x.`,
        before: rename.from,
        after: rename.to,
      });
    } else if (rename) {
      say(
        configAt,
        'CLI-GEN-003',
        'error',
        `\`${configWord.value}\` is not in the repository and has no 1.x counterpart upstream; choose a 1.x config by hand.`,
      );
    }
  }

  const flags = args.filter((a): a is FlagArg => a.kind === 'flag');
  const ambiguous = flags.find((f) => f.ambiguous);
  if (ambiguous) {
    return {
      replace: new Map(),
      cfgItems: [],
      append: [],
      notes: [
        {
          word: ambiguous.at,
          rule: 'CLI-GEN-002',
          severity: 'error',
          message: `\`${ambiguous.given}\` is ambiguous (${ambiguous.ambiguous!.join(', ')}): argparse rejected it; the command is left as written.`,
        },
      ],
    };
  }

  // Version of the command line: a 1.x line is left alone, a mixed one reported.
  const only1x = names1x(script);
  const cfgItemWords = flags
    .filter((f) => f.spec && CFG_FLAGS.has(f.spec.name))
    .flatMap((f) => f.values);
  const keyOf = (w: Word): string | undefined =>
    w.value !== undefined ? /^([A-Za-z_][\w.-]*)=/.exec(w.value)?.[1] : undefined;
  const keyVersions = cfgItemWords
    .map((i) => keyOf(words[i]))
    .filter((k): k is string => !!k)
    .map(keyVersion);
  // 0.x required a pickle file name for --out; 1.x --out names a directory.
  const outKind = (f: FlagArg): 'pickle' | 'dir' | undefined => {
    const value = f.inline
      ? f.inline.value
      : f.values.length
        ? words[f.values[0]].value
        : undefined;
    if (value === undefined) return undefined;
    return /\.(pkl|pickle)$/.test(value) ? 'pickle' : 'dir';
  };
  const outs = script === 'test' ? flags.filter((f) => f.spec?.name === '--out') : [];
  const is1x =
    flags.some((f) => f.only1x) ||
    keyVersions.includes('1.x') ||
    outs.some((f) => outKind(f) === 'dir');
  const is0x =
    flags.some((f) => f.spec && !only1x.has(f.spec.name)) ||
    keyVersions.includes('0.x') ||
    outs.some((f) => outKind(f) === 'pickle');
  if (is1x) {
    if (is0x) {
      return {
        replace: new Map(),
        cfgItems: [],
        append: [],
        notes: [
          {
            word: inv.at,
            rule: 'CLI-GEN-007',
            severity: 'warning',
            message:
              'The command mixes 0.x and 1.x arguments; it is left as written. Fix it by hand.',
          },
        ],
      };
    }
    return { replace: new Map(), cfgItems: [], append: [], notes: [] };
  }

  const items = new Map<string, NewArg>();
  const addItem = (key: string, value: Piece[]): void => {
    if (!items.has(key)) items.set(key, [{ lit: `${key}=` }, ...value]);
  };
  const remove = (f: FlagArg): void => {
    plan.replace.set(f.at, []);
    for (const v of f.values) plan.replace.set(v, []);
  };
  let resumeAt: number | undefined;
  const wantResume = (at: number, replaceWord: boolean): void => {
    if (resumeAt !== undefined) {
      if (replaceWord) plan.replace.set(at, []);
      return;
    }
    resumeAt = at;
    if (replaceWord) plan.replace.set(at, [lit('--resume')]);
    else plan.append.push(lit('--resume'));
  };
  /** The value of a one-value flag as pieces, or undefined when it is missing. */
  const valueOf = (f: FlagArg): Piece[] | undefined => {
    if (f.inline) {
      if (f.inline.raw !== undefined)
        return f.inline.value !== undefined ? [{ lit: f.inline.value }] : [{ raw: f.inline.raw }];
      return f.inline.value !== undefined ? [{ lit: f.inline.value }] : undefined;
    }
    return f.values.length ? [wordPiece(words[f.values[0]])] : undefined;
  };
  /** Literal values of a flag (`--eval a b`), or undefined when one holds an expansion. */
  const literals = (f: FlagArg): string[] | undefined => {
    const vs = f.inline ? [f.inline.value] : f.values.map((i) => words[i].value);
    return vs.every((v): v is string => v !== undefined)
      ? vs.map((v) => v.replace(/\]+$/, ''))
      : undefined;
  };
  const synopsisHint = (f: FlagArg, hint: string): boolean => {
    if (!f.synopsis) return false;
    say(
      f.at,
      'CLI-GEN-006',
      'warning',
      `Usage synopsis: \`${f.given}\` ${hint}. Left as written; rewrite the synopsis by hand.`,
    );
    return true;
  };
  const renameFlag = (f: FlagArg, to: string): void => {
    const word = words[f.at];
    const text = word.text.replace(f.given, to);
    plan.replace.set(f.at, [[{ raw: text }]]);
  };

  const byName = (name: string): FlagArg[] => flags.filter((f) => f.spec?.name === name);

  // Flags that are not 0.x flags at all.
  for (const f of flags) {
    if (f.spec || f.only1x) continue;
    if (f.given === '--work_dir') {
      renameFlag(f, '--work-dir');
      say(
        f.at,
        'CLI-TRAIN-002',
        'info',
        '`--work_dir` → `--work-dir` (argparse rejected `--work_dir` in 0.x too).',
      );
    } else {
      say(
        f.at,
        'CLI-GEN-002',
        'error',
        `\`${f.given}\` is not an argument of 0.x tools/${script}.py; left as written.`,
      );
    }
  }
  // Abbreviations (CLI-GEN-002): spell them out.
  for (const f of flags) {
    if (f.spec && f.given !== f.spec.name) {
      say(
        f.at,
        'CLI-GEN-002',
        'info',
        `\`${f.given}\` is argparse's abbreviation of \`${f.spec.name}\`.`,
      );
      if (only1x.has(f.spec.name)) renameFlag(f, f.spec.name);
    }
  }

  // --options / --cfg-options: translate each key (CLI-GEN-004, CLI-TRAIN-011, CLI-TEST-014, KEY-*).
  const cfgFlags = flags.filter((f) => f.spec && CFG_FLAGS.has(f.spec.name));
  if (cfgFlags.length > 1) {
    say(
      cfgFlags[1].at,
      'CLI-GEN-004',
      'warning',
      'Several option lists: 0.x refused `--options` with `--cfg-options`, and 1.x keeps only the last `--cfg-options`. Merge them by hand.',
    );
  }
  let keptItems = 0;
  for (const f of cfgFlags) {
    if (f.synopsis) {
      if (f.spec!.name === '--options') {
        renameFlag(f, '--cfg-options');
        say(f.at, 'CLI-GEN-004', 'info', '`--options` → `--cfg-options`.');
      }
      if (f.values.some((i) => words[i].value !== undefined))
        synopsisHint(f, 'needs its keys translated');
      keptItems++;
      continue;
    }
    if (f.spec!.name === '--options' || f.given !== '--cfg-options' || f.inline) {
      plan.replace.set(f.at, [lit('--cfg-options')]);
    }
    if (f.spec!.name === '--options')
      say(f.at, 'CLI-GEN-004', 'info', '`--options` → `--cfg-options`.');
    const itemWords: { word: Word; at: number }[] = f.values.map((i) => ({
      word: words[i],
      at: i,
    }));
    if (f.inline) {
      const raw = f.inline.raw;
      const piece: Word = {
        start: words[f.at].start,
        end: words[f.at].end,
        text: raw ?? '',
        value: f.inline.value,
      };
      itemWords.unshift({ word: piece, at: f.at });
    }
    for (const { word, at } of itemWords) {
      const inlineItem = at === f.at;
      const set = (replacement: NewArg[]): void => {
        if (inlineItem) plan.replace.set(f.at, [lit('--cfg-options'), ...replacement]);
        else plan.replace.set(at, replacement);
      };
      const key =
        word.value !== undefined
          ? /^([A-Za-z_][\w.-]*)=/.exec(word.value)?.[1]
          : /^['"]?([A-Za-z_][\w.-]*)=/.exec(word.text)?.[1];
      if (!key) {
        keptItems++;
        if (inlineItem) plan.replace.set(f.at, [lit('--cfg-options'), [{ raw: word.text }]]);
        say(
          at,
          'CLI-GEN-008',
          'warning',
          `\`${word.text}\` is not a literal \`key=value\` item, so its key cannot be translated; left as written.`,
        );
        continue;
      }
      const value = word.value?.slice(key.length + 1);
      const outcome = translateKey({ key, value }, { script, file: ctx.file, config });
      for (const n of outcome.notes) say(at, n.rule, n.severity, n.message);
      if (outcome.keep) {
        keptItems++;
        if (inlineItem) plan.replace.set(f.at, [lit('--cfg-options'), [{ raw: word.text }]]);
        continue;
      }
      if (outcome.resume) {
        if (script === 'train') wantResume(at, false);
      }
      const rendered: NewArg[] = [];
      let failed = false;
      for (const item of outcome.items) {
        const arg = renderItem(word, key, item);
        if (arg) rendered.push(arg);
        else failed = true;
      }
      if (failed) {
        keptItems++;
        say(
          at,
          'CLI-GEN-008',
          'warning',
          `\`${key}\` cannot be rewritten because its value is not literal; left as written.`,
        );
        continue;
      }
      keptItems += rendered.length;
      const same =
        rendered.length === 1 &&
        !inlineItem &&
        'raw' in rendered[0][0] &&
        rendered[0].length === 1 &&
        rendered[0][0].raw === word.text;
      if (!same) set(rendered);
    }
  }
  // The anchor for new items: after the last word of the last option list.
  const lastCfg = cfgFlags[cfgFlags.length - 1];
  if (lastCfg && !lastCfg.synopsis) {
    plan.cfgAnchor = lastCfg.values.length ? lastCfg.values[lastCfg.values.length - 1] : lastCfg.at;
  }

  if (script === 'train') planTrain();
  else planTest();

  plan.cfgItems = [...items.values()];
  if (lastCfg && !lastCfg.synopsis && keptItems === 0 && plan.cfgItems.length === 0) {
    remove(lastCfg);
    for (const f of cfgFlags) remove(f);
  }
  if (lastCfg?.synopsis) plan.cfgAnchor = undefined;
  return plan;

  function planTrain(): void {
    const resumeFrom = byName('--resume-from');
    const loadFrom = byName('--load-from');
    for (const f of resumeFrom) {
      if (synopsisHint(f, 'is `--resume --cfg-options load_from=X` in 1.x')) continue;
      const value = valueOf(f);
      if (!value) continue;
      wantResume(f.at, true);
      for (const v of f.values) plan.replace.set(v, []);
      addItem('load_from', value);
      say(
        f.at,
        'CLI-TRAIN-004',
        'info',
        '`--resume-from X` → `--resume --cfg-options load_from=X` (1.x `--resume` takes no value).',
      );
    }
    for (const f of loadFrom) {
      if (synopsisHint(f, 'is `--cfg-options load_from=X` in 1.x')) continue;
      if (resumeFrom.length > 0) {
        remove(f);
        say(
          f.at,
          'CLI-TRAIN-004',
          'info',
          '`--load-from` with `--resume-from`: 0.x resumed and ignored load_from; only the resume is kept.',
        );
        continue;
      }
      const value = valueOf(f);
      if (!value) continue;
      remove(f);
      addItem('load_from', value);
      say(f.at, 'CLI-TRAIN-003', 'info', '`--load-from X` → `--cfg-options load_from=X`.');
    }
    for (const f of byName('--auto-resume')) {
      if (synopsisHint(f, 'is `--resume` in 1.x')) continue;
      if (resumeFrom.length > 0) {
        remove(f);
        say(
          f.at,
          'CLI-TRAIN-005',
          'info',
          '`--auto-resume` with `--resume-from`: 0.x resumed from the given checkpoint; one `--resume` is kept.',
        );
        continue;
      }
      wantResume(f.at, true);
      say(
        f.at,
        'CLI-TRAIN-005',
        'info',
        '`--auto-resume` → `--resume` (mmengine finds the latest checkpoint in the work dir).',
      );
      const loadFromSet = config && valueAt(config.old, ['load_from']);
      if (loadFromSet && loadFromSet.t !== 'none' && loadFrom.length === 0) {
        addItem('load_from', [{ lit: 'None' }]);
        say(
          f.at,
          'CLI-TRAIN-005',
          'warning',
          "`--auto-resume` → `--resume --cfg-options load_from=None`: the config sets load_from, which 1.x would resume from; 0.x's fallback to load_from when no checkpoint exists is lost.",
        );
      }
    }
    for (const f of byName('--no-validate')) {
      if (
        synopsisHint(
          f,
          'is `--cfg-options val_cfg=None val_dataloader=None val_evaluator=None` in 1.x',
        )
      )
        continue;
      remove(f);
      for (const key of ['val_cfg', 'val_dataloader', 'val_evaluator'])
        addItem(key, [{ lit: 'None' }]);
      say(
        f.at,
        'CLI-TRAIN-006',
        'info',
        '`--no-validate` → `val_cfg=None val_dataloader=None val_evaluator=None` (mmengine needs all three).',
      );
    }
    for (const name of ['--gpus', '--gpu-ids', '--gpu-id']) {
      for (const f of byName(name)) {
        if (synopsisHint(f, 'has no 1.x counterpart (use CUDA_VISIBLE_DEVICES)')) continue;
        remove(f);
        say(
          f.at,
          'CLI-TRAIN-007',
          'info',
          `\`${name}\` is dropped: select GPUs with \`CUDA_VISIBLE_DEVICES=...\`.`,
        );
      }
    }
    for (const f of byName('--seed')) {
      if (synopsisHint(f, 'is `--cfg-options randomness.seed=S` in 1.x')) continue;
      const value = valueOf(f);
      if (!value) continue;
      remove(f);
      addItem('randomness.seed', value);
      say(f.at, 'CLI-TRAIN-008', 'info', '`--seed S` → `--cfg-options randomness.seed=S`.');
    }
    for (const f of byName('--diff_seed')) {
      if (synopsisHint(f, 'is `--cfg-options randomness.diff_rank_seed=True` in 1.x')) continue;
      remove(f);
      addItem('randomness.diff_rank_seed', [{ lit: 'True' }]);
      say(
        f.at,
        'CLI-TRAIN-009',
        'info',
        '`--diff_seed` → `--cfg-options randomness.diff_rank_seed=True`.',
      );
    }
    for (const f of byName('--deterministic')) {
      if (synopsisHint(f, 'is `--cfg-options randomness.deterministic=True` in 1.x')) continue;
      remove(f);
      addItem('randomness.deterministic', [{ lit: 'True' }]);
      say(
        f.at,
        'CLI-TRAIN-010',
        'info',
        '`--deterministic` → `--cfg-options randomness.deterministic=True`.',
      );
    }
  }

  function planTest(): void {
    const evalOptions = byName('--eval-options');
    const formatOnly = byName('--format-only');
    const evals = byName('--eval');
    // imgfile_prefix names the output directory of formatted results.
    let outputDir: Piece[] | undefined;
    for (const f of evalOptions) {
      for (const i of f.values) {
        const v = words[i].value;
        if (v?.startsWith('imgfile_prefix='))
          outputDir = [{ lit: v.slice('imgfile_prefix='.length) }];
      }
    }
    const dirOrDefault = (): Piece[] => outputDir ?? [{ lit: '.format_cityscapes' }];

    for (const f of evals) {
      if (synopsisHint(f, "has no 1.x flag: 1.x evaluates with the config's test_evaluator"))
        continue;
      const metrics = literals(f);
      if (!metrics) {
        say(
          f.at,
          'CLI-GEN-008',
          'warning',
          '`--eval` needs its metric names to be translated (CLI-TEST-001), but they are shell variables; left as written.',
        );
        continue;
      }
      const iou = metrics.filter((m) => IOU_METRICS.has(m));
      const city = metrics.includes('cityscapes');
      const bad = metrics.filter((m) => !IOU_METRICS.has(m) && m !== 'cityscapes');
      if (city && iou.length > 0) {
        say(
          f.at,
          'CLI-TEST-002',
          'error',
          `\`--eval ${metrics.join(' ')}\` needs two evaluators (IoUMetric and CityscapesMetric), which --cfg-options cannot express; set test_evaluator in the config. Left as written.`,
        );
        continue;
      }
      remove(f);
      if (bad.length > 0) {
        say(
          f.at,
          'CLI-TEST-003',
          'error',
          `\`--eval ${bad.join(' ')}\`: not a segmentation metric (0.x failed too); dropped.`,
        );
      }
      if (city) {
        addItem('test_evaluator.type', [{ lit: 'CityscapesMetric' }]);
        addItem('test_evaluator.output_dir', dirOrDefault());
        say(
          f.at,
          'CLI-TEST-002',
          'info',
          '`--eval cityscapes` → `test_evaluator.type=CityscapesMetric` with an `output_dir`.',
        );
      }
      if (iou.length > 0) {
        const current = testIouMetrics(config?.converted);
        if (current && current.length === iou.length && current.every((m, k) => m === iou[k])) {
          say(
            f.at,
            'CLI-TEST-001',
            'info',
            `\`--eval ${iou.join(' ')}\` is what the config's test_evaluator computes already; dropped.`,
          );
        } else {
          addItem('test_evaluator.iou_metrics', [{ lit: `[${iou.join(',')}]` }]);
          say(
            f.at,
            'CLI-TEST-001',
            'info',
            `\`--eval ${iou.join(' ')}\` → \`test_evaluator.iou_metrics=[${iou.join(',')}]\`${current ? ` (the config computes [${current.join(', ')}])` : ''}.`,
          );
        }
      }
    }
    for (const f of formatOnly) {
      if (
        synopsisHint(
          f,
          'is `--cfg-options test_evaluator.format_only=True test_evaluator.output_dir=D` in 1.x',
        )
      )
        continue;
      remove(f);
      addItem('test_evaluator.format_only', [{ lit: 'True' }]);
      addItem('test_evaluator.output_dir', dirOrDefault());
      say(
        f.at,
        'CLI-TEST-004',
        'info',
        `\`--format-only\` → \`test_evaluator.format_only=True\` with \`test_evaluator.output_dir\`${outputDir ? '' : ' (`.format_cityscapes`, the 0.x default)'}; without output_dir nothing would be written.`,
      );
    }
    for (const f of evalOptions) {
      if (synopsisHint(f, 'options become `test_evaluator.*` items in 1.x')) continue;
      const values = f.values.map((i) => ({ i, v: words[i].value }));
      if (values.some((x) => x.v === undefined)) {
        say(
          f.at,
          'CLI-GEN-008',
          'warning',
          '`--eval-options` needs its keys to be translated (CLI-TEST-005…007), but they are shell variables; left as written.',
        );
        continue;
      }
      remove(f);
      for (const { i, v } of values) {
        const eq = v!.indexOf('=');
        const key = eq < 0 ? v! : v!.slice(0, eq);
        const value = v!.slice(eq + 1);
        if (key === 'imgfile_prefix') {
          addItem('test_evaluator.output_dir', [{ lit: value }]);
          say(i, 'CLI-TEST-005', 'info', '`imgfile_prefix=D` → `test_evaluator.output_dir=D`.');
        } else if (key === 'efficient_test')
          say(i, 'CLI-TEST-006', 'info', '`efficient_test` has been a no-op since 0.17; dropped.');
        else if (key === 'nan_to_num' || key === 'beta') {
          addItem(`test_evaluator.${key}`, [{ lit: value }]);
          say(i, 'CLI-TEST-007', 'info', `\`${key}\` → \`test_evaluator.${key}\`.`);
        } else if (key === 'to_label_id')
          say(
            i,
            'CLI-TEST-007',
            'warning',
            '`to_label_id` has no 1.x counterpart (CityscapesMetric always writes label IDs); dropped.',
          );
        else
          say(
            i,
            'CLI-TEST-007',
            'warning',
            `\`--eval-options ${key}\` has no 1.x counterpart; dropped.`,
          );
      }
    }
    for (const f of byName('--out')) {
      if (synopsisHint(f, 'writes a pickle in 0.x; 1.x `--out DIR` writes PNG predictions'))
        continue;
      remove(f);
      say(
        f.at,
        'CLI-TEST-008',
        'warning',
        '`--out` (a pickle of results) is dropped: 1.x has no pickle output; its `--out DIR` writes PNG predictions.',
      );
    }
    for (const f of byName('--aug-test')) {
      const pipeline = config && valueAt(config.old, ['data', 'test', 'pipeline']);
      // A config that is already 1.x has no `data`: its own `tta_pipeline` decides.
      const already1x = config !== undefined && valueAt(config.old, ['data']) === undefined;
      const hasMsfa =
        pipeline && (pipeline.t === 'list' || pipeline.t === 'tuple')
          ? pipeline.items.some(
              (t) => isDict(t) && strOf(t.entries.get('type')) === 'MultiScaleFlipAug',
            )
          : already1x
            ? config.old.entries.has('tta_pipeline')
            : undefined;
      if (hasMsfa === false) {
        say(
          f.at,
          'CLI-TEST-009',
          'error',
          '`--aug-test` needs a MultiScaleFlipAug in the 0.x test pipeline, and this config has none (so it has no tta_pipeline in 1.x); left as written.',
        );
        continue;
      }
      renameFlag(f, '--tta');
      say(
        f.at,
        'CLI-TEST-009',
        'info',
        '`--aug-test` → `--tta` (uses the converted tta_pipeline and tta_model).',
      );
    }
    const show = [...byName('--show'), ...byName('--show-dir')];
    const opacity = byName('--opacity');
    const realShow = show.filter((f) => !f.synopsis);
    if (realShow.length > 0) {
      addItem('default_hooks.visualization.interval', [{ lit: '1' }]);
      const dir = byName('--show-dir')[0];
      const dirText =
        dir?.inline?.raw ?? (dir?.values.length ? words[dir.values[0]].text : undefined);
      const where = dirText
        ? `images go to \`${dirText}/vis_data/vis_image/\``
        : 'images are shown in a window';
      say(
        realShow[0].at,
        'CLI-TEST-010',
        'info',
        `Added \`default_hooks.visualization.interval=1\`: the 1.x hook draws every 50th image by default, 0.x drew all; ${where}.`,
      );
    }
    for (const f of show.filter((s) => s.synopsis)) {
      synopsisHint(
        f,
        'also needs `--cfg-options default_hooks.visualization.interval=1` in 1.x to draw every image',
      );
    }
    for (const f of opacity) {
      if (synopsisHint(f, 'is `--cfg-options visualizer.alpha=A` in 1.x')) continue;
      const value = valueOf(f);
      if (!value) continue;
      remove(f);
      addItem('visualizer.alpha', value);
      say(f.at, 'CLI-TEST-011', 'info', '`--opacity A` → `--cfg-options visualizer.alpha=A`.');
    }
    if (realShow.length > 0 && opacity.length === 0) {
      say(
        realShow[0].at,
        'CLI-TEST-011',
        'info',
        'The overlay opacity default changed from 0.5 to 0.8; add `visualizer.alpha=0.5` to keep the 0.x look.',
      );
    }
    for (const f of byName('--gpu-collect')) {
      if (synopsisHint(f, 'is `--cfg-options test_evaluator.collect_device=gpu` in 1.x')) continue;
      remove(f);
      addItem('test_evaluator.collect_device', [{ lit: 'gpu' }]);
      say(
        f.at,
        'CLI-TEST-012',
        'info',
        '`--gpu-collect` → `--cfg-options test_evaluator.collect_device=gpu`.',
      );
    }
    for (const f of byName('--tmpdir')) {
      if (synopsisHint(f, 'has no 1.x counterpart')) continue;
      remove(f);
      say(
        f.at,
        'CLI-TEST-013',
        'warning',
        '`--tmpdir` is dropped: 1.x collects results without a user temporary directory.',
      );
    }
    for (const f of byName('--gpu-id')) {
      if (synopsisHint(f, 'has no 1.x counterpart (use CUDA_VISIBLE_DEVICES)')) continue;
      remove(f);
      say(
        f.at,
        'CLI-TEST-013',
        'info',
        '`--gpu-id` is dropped: select the GPU with `CUDA_VISIBLE_DEVICES=...`.',
      );
    }
    const evaluates = evals.length > 0 || formatOnly.length > 0;
    const outputs = [...show, ...byName('--out')].filter((f) => !f.synopsis);
    if (!evaluates && outputs.length > 0) {
      say(
        outputs[0].at,
        'CLI-TEST-015',
        'info',
        '1.x always evaluates, so the test set needs ground truth; otherwise add `test_evaluator.format_only=True` (with `test_evaluator.output_dir`).',
      );
    }
  }
}

/** A 1.x item as an argument: the key renamed in the word as written, or a new literal value. */
function renderItem(word: Word, oldKey: string, item: KeyOut): NewArg | undefined {
  if (item.value !== undefined) return lit(`${item.key}=${item.value}`);
  if (item.key === oldKey && word.text !== '') return [{ raw: word.text }];
  return withKey(word, oldKey, item.key);
}

export function isEmptyPlan(plan: CommandPlan): boolean {
  return plan.replace.size === 0 && plan.cfgItems.length === 0 && plan.append.length === 0;
}

export type { Arg };
