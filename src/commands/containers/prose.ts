/**
 * 0.x train/test flags named in Markdown prose (DET-008): outside fenced
 * blocks, sentences and inline code are not commands, so they are reported
 * for a human to reword and never rewritten.
 */
import { FLAGS_0X, FLAGS_1X } from '../flags.js';
import type { LocatedNote } from '../engine.js';
import type { Fence } from './markdown.js';

const ONLY_0X = [
  ...new Set(
    (['train', 'test'] as const).flatMap((s) => {
      const in1x = new Set(FLAGS_1X[s].flags.map((f) => f.name));
      return FLAGS_0X[s].flags.map((f) => f.name).filter((n) => !in1x.has(n));
    }),
  ),
  '--work_dir',
].sort((a, b) => b.length - a.length);

/** What each 0.x flag is in 1.x, for the reader of the report. */
const HINTS: Record<string, string> = {
  '--load-from': '`--cfg-options load_from=X`',
  '--resume-from': '`--resume --cfg-options load_from=X`',
  '--auto-resume': '`--resume`',
  '--no-validate': '`--cfg-options val_cfg=None val_dataloader=None val_evaluator=None`',
  '--gpus': 'CUDA_VISIBLE_DEVICES',
  '--gpu-ids': 'CUDA_VISIBLE_DEVICES',
  '--gpu-id': 'CUDA_VISIBLE_DEVICES',
  '--seed': '`--cfg-options randomness.seed=S`',
  '--diff_seed': '`--cfg-options randomness.diff_rank_seed=True`',
  '--deterministic': '`--cfg-options randomness.deterministic=True`',
  '--options': '`--cfg-options`',
  '--aug-test': '`--tta`',
  '--format-only': '`--cfg-options test_evaluator.format_only=True test_evaluator.output_dir=D`',
  '--eval': "the config's `test_evaluator` (`test_evaluator.iou_metrics=[...]`)",
  '--eval-options': '`test_evaluator.*` options',
  '--gpu-collect': '`--cfg-options test_evaluator.collect_device=gpu`',
  '--tmpdir': 'nothing (dropped)',
  '--opacity': '`--cfg-options visualizer.alpha=A`',
  '--work_dir': '`--work-dir`',
};

const FLAG = new RegExp(
  `(?<![\\w-])(${ONLY_0X.map((f) => f.replace(/-/g, '\\-')).join('|')})(?![\\w-])`,
  'g',
);
const TOOLS = /tools\/(train|test)\.py|(dist|slurm)_(train|test)\.sh|\btrain\.py\b|\btest\.py\b/;

/** DET-008 notes for the flags a Markdown text mentions outside its fenced blocks. */
export function proseMentions(text: string, fences: readonly Fence[]): LocatedNote[] {
  if (!TOOLS.test(text)) return [];
  const notes: LocatedNote[] = [];
  const inFence = (offset: number): boolean =>
    fences.some((f) => offset >= f.start - 1 && offset < f.end);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const seen = new Set<string>();
    for (const m of line.matchAll(FLAG)) {
      const offset = lineStart + (m.index ?? 0);
      if (inFence(offset) || seen.has(m[1])) continue;
      seen.add(m[1]);
      notes.push({
        rule: 'DET-008',
        severity: 'info',
        offset,
        message: `Prose mentions the 0.x flag \`${m[1]}\`, which is ${HINTS[m[1]] ?? 'gone'} in 1.x; reword it by hand (prose is not rewritten).`,
      });
    }
    lineStart += line.length + 1;
  }
  return notes;
}
