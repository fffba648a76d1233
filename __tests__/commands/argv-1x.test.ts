/**
 * Every converted command line must be accepted by the 1.1.1 scripts. The
 * 1.x argument tables below are written from the spec's §13.3/§13.4
 * headings, independently of the converter's own tables; argparse's rules
 * (exact flags, their value counts, the positionals, one `--cfg-options`)
 * are checked on each converted argv.
 */
import { rewriteCommandLine } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import { CITYSCAPES_0X, repoConfigs } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

type Nargs = 0 | 1 | '+';
const TRAIN_1X: Record<string, Nargs> = {
  '--work-dir': 1,
  '--resume': 0,
  '--amp': 0,
  '--cfg-options': '+',
  '--launcher': 1,
  '--local_rank': 1,
  '--local-rank': 1,
};
const TEST_1X: Record<string, Nargs> = {
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
};

/** Splits a simple command line into arguments (double quotes only; no expansions in this corpus). */
function argv(line: string): string[] {
  const out: string[] = [];
  for (const m of line.replace(/\\\n/g, ' ').matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  }
  return out;
}

/** Why argparse would reject the script arguments, or undefined when it accepts them. */
function rejects(
  args: string[],
  flags: Record<string, Nargs>,
  positionals: number,
): string | undefined {
  let seenPositionals = 0;
  let cfgOptions = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      seenPositionals++;
      continue;
    }
    const [name, inline] = a.split(/=(.*)/s);
    const nargs = flags[name];
    if (nargs === undefined) return `unknown flag ${name}`;
    if (name === '--cfg-options') cfgOptions++;
    if (nargs === 0 && inline !== undefined) return `${name} takes no value`;
    if (inline !== undefined) continue;
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1].startsWith('-')) {
      values.push(args[++i]);
      if (nargs === 1) break;
    }
    if (nargs !== 0 && values.length === 0) return `${name} needs a value`;
    if (nargs === 0 && values.length > 0) {
      // A bare word after a switch is a positional.
      seenPositionals += values.length;
    }
    if (name === '--cfg-options' && values.some((v) => !/^[\w.]+=/.test(v))) {
      return `bad --cfg-options item in ${values.join(' ')}`;
    }
  }
  if (seenPositionals !== positionals)
    return `${seenPositionals} positionals, expected ${positionals}`;
  if (cfgOptions > 1) return 'several --cfg-options: the last one replaces the others';
  return undefined;
}

const configFor = repoConfigs({ 'configs/a.py': CITYSCAPES_0X });

const TRAIN_0X = [
  'python tools/train.py configs/a.py --work_dir w --load-from a.pth --no-validate --gpus 2',
  'python tools/train.py configs/a.py --resume-from a.pth --seed 0 --diff_seed --deterministic',
  'python tools/train.py configs/a.py --resume=a.pth --load-from=b.pth --gpu-ids 0 1 --launcher none',
  'python tools/train.py configs/a.py --auto-resume --options dist_params.port=1 runner.max_iters=100 --local_rank 0',
  'python tools/train.py configs/a.py --cfg-options resume_from=a.pth evaluation.metric=mDice --work w --no-val',
  'python tools/train.py --seed 1 configs/a.py --opt data.samples_per_gpu=4 lr_config.warmup_iters=10',
];
const TEST_0X = [
  'python tools/test.py configs/a.py c.pth --eval mIoU mDice --out r.pkl --show',
  'python tools/test.py configs/a.py c.pth --format-only --eval-options imgfile_prefix=out nan_to_num=0',
  'python tools/test.py configs/a.py c.pth --eval cityscapes --gpu-collect --tmpdir t --gpu-id 0',
  'python tools/test.py configs/a.py c.pth --aug-test --show-dir vis --opacity 0.5 --options model.test_cfg.mode=slide',
  'python tools/test.py configs/a.py c.pth --eval mAP --eval-options efficient_test=True --launcher pytorch',
  'python tools/test.py configs/a.py c.pth --aug --format-only --cfg-options data.test.img_dir=x',
];

describe('converted command lines against the 1.1.1 argument tables', () => {
  it.each(TRAIN_0X)('train: %s', (line) => {
    const out = rewriteCommandLine(line, { configFor }).text;
    expect(out).not.toBe(line);
    const args = argv(out);
    expect(args.slice(0, 2)).toEqual(['python', 'tools/train.py']);
    expect(rejects(args.slice(2), TRAIN_1X, 1)).toBeUndefined();
  });

  it.each(TEST_0X)('test: %s', (line) => {
    const out = rewriteCommandLine(line, { configFor }).text;
    expect(out).not.toBe(line);
    const args = argv(out);
    expect(args.slice(0, 2)).toEqual(['python', 'tools/test.py']);
    expect(rejects(args.slice(2), TEST_1X, 2)).toBeUndefined();
  });

  it('the checker itself rejects 0.x lines', () => {
    expect(rejects(argv('cfg.py --resume a.pth'), TRAIN_1X, 1)).toBe('2 positionals, expected 1');
    expect(rejects(argv('cfg.py c.pth --eval mIoU'), TEST_1X, 2)).toBe('unknown flag --eval');
    expect(rejects(argv('cfg.py --cfg-options a=1 --cfg-options b=2'), TRAIN_1X, 1)).toBe(
      'several --cfg-options: the last one replaces the others',
    );
  });
});
