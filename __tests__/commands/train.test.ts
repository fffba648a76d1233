/**
 * tools/train.py command lines (spec §13.1, §13.3): each CLI-TRAIN and
 * CLI-GEN rule on a real-looking command, with the exact 1.x text and the
 * findings (rule, severity, line).
 */
import { rewriteCommandLine } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import { brief, CITYSCAPES_0X, repoConfigs } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

const WITH_LOAD_FROM = CITYSCAPES_0X.replace('load_from = None', "load_from = 'pre.pth'");
const configFor = repoConfigs({ 'configs/a.py': CITYSCAPES_0X, 'configs/b.py': WITH_LOAD_FROM });

const cases: [string, string, string, string[]][] = [
  [
    'CLI-TRAIN-001 keeps config, --work-dir, --launcher, --local_rank',
    'python tools/train.py cfg.py --work-dir w --launcher pytorch --local_rank 0',
    'python tools/train.py cfg.py --work-dir w --launcher pytorch --local_rank 0',
    [],
  ],
  [
    'CLI-TRAIN-002 --work_dir',
    'python tools/train.py cfg.py --work_dir w',
    'python tools/train.py cfg.py --work-dir w',
    ['CLI-TRAIN-002 info 1'],
  ],
  [
    'CLI-TRAIN-003 --load-from',
    'python tools/train.py cfg.py --load-from a.pth',
    'python tools/train.py cfg.py --cfg-options load_from=a.pth',
    ['CLI-TRAIN-003 info 1'],
  ],
  [
    'CLI-TRAIN-004 --resume-from',
    'python tools/train.py cfg.py --resume-from a.pth',
    'python tools/train.py cfg.py --resume --cfg-options load_from=a.pth',
    ['CLI-TRAIN-004 info 1'],
  ],
  [
    'CLI-TRAIN-004 prefix --resume=X with --load-from: the resume wins',
    'python tools/train.py cfg.py --resume=a.pth --load-from b.pth',
    'python tools/train.py cfg.py --resume --cfg-options load_from=a.pth',
    ['CLI-GEN-002 info 1', 'CLI-TRAIN-004 info 1', 'CLI-TRAIN-004 info 1'],
  ],
  [
    'CLI-TRAIN-005 --auto-resume',
    'python tools/train.py configs/a.py --auto-resume',
    'python tools/train.py configs/a.py --resume',
    ['CLI-TRAIN-005 info 1'],
  ],
  [
    'CLI-TRAIN-005 --auto-resume when the config sets load_from',
    'python tools/train.py configs/b.py --auto-resume',
    'python tools/train.py configs/b.py --resume --cfg-options load_from=None',
    ['CLI-TRAIN-005 info 1', 'CLI-TRAIN-005 warning 1'],
  ],
  [
    'CLI-TRAIN-006 --no-validate',
    'python tools/train.py cfg.py --no-validate',
    'python tools/train.py cfg.py --cfg-options val_cfg=None val_dataloader=None val_evaluator=None',
    ['CLI-TRAIN-006 info 1'],
  ],
  [
    'CLI-TRAIN-007 --gpus',
    'python tools/train.py cfg.py --gpus 2',
    'python tools/train.py cfg.py',
    ['CLI-TRAIN-007 info 1'],
  ],
  [
    'CLI-TRAIN-007 --gpu-ids takes several values',
    'python tools/train.py cfg.py --gpu-ids 0 1 --work-dir w',
    'python tools/train.py cfg.py --work-dir w',
    ['CLI-TRAIN-007 info 1'],
  ],
  [
    'CLI-TRAIN-008/009/010 seeds and determinism in one merged --cfg-options',
    'python tools/train.py cfg.py --seed=42 --diff_seed --deterministic',
    'python tools/train.py cfg.py --cfg-options randomness.seed=42 randomness.diff_rank_seed=True randomness.deterministic=True',
    ['CLI-TRAIN-008 info 1', 'CLI-TRAIN-009 info 1', 'CLI-TRAIN-010 info 1'],
  ],
  [
    'CLI-TRAIN-011 / CLI-GEN-004 --options',
    'python tools/train.py cfg.py --options model.backbone.depth=101',
    'python tools/train.py cfg.py --cfg-options model.backbone.depth=101',
    ['CLI-GEN-004 info 1'],
  ],
  [
    'CLI-TRAIN-011 new items join the existing --cfg-options in place',
    'python tools/train.py cfg.py --cfg-options dist_params.port=1 --work-dir w --seed 0',
    'python tools/train.py cfg.py --cfg-options env_cfg.dist_cfg.port=1 randomness.seed=0 --work-dir w',
    ['KEY-001 info 1', 'CLI-TRAIN-008 info 1'],
  ],
  [
    'CLI-TRAIN-012 --amp marks a 1.x command: left alone',
    'python tools/train.py cfg.py --amp --resume',
    'python tools/train.py cfg.py --amp --resume',
    [],
  ],
  [
    'CLI-GEN-007 0.x and 1.x flags mixed',
    'python tools/train.py cfg.py --amp --seed 0',
    'python tools/train.py cfg.py --amp --seed 0',
    ['CLI-GEN-007 warning 1'],
  ],
  [
    'CLI-GEN-002 abbreviation spelled out',
    'python tools/train.py cfg.py --work w --no-val',
    'python tools/train.py cfg.py --work-dir w --cfg-options val_cfg=None val_dataloader=None val_evaluator=None',
    ['CLI-GEN-002 info 1', 'CLI-GEN-002 info 1', 'CLI-TRAIN-006 info 1'],
  ],
  [
    'CLI-GEN-002 ambiguous prefix leaves the command untouched',
    'python tools/train.py cfg.py --gpu 1 --seed 0',
    'python tools/train.py cfg.py --gpu 1 --seed 0',
    ['CLI-GEN-002 error 1'],
  ],
  [
    'CLI-GEN-002 unknown flag stays, the rest converts',
    'python tools/train.py cfg.py --diff-seed --seed 1',
    'python tools/train.py cfg.py --diff-seed --cfg-options randomness.seed=1',
    ['CLI-GEN-002 error 1', 'CLI-TRAIN-008 info 1'],
  ],
  [
    'CLI-GEN-003 upstream config renamed',
    'python tools/train.py configs/pspnet/pspnet_r50-d8_512x1024_40k_cityscapes.py',
    'python tools/train.py configs/pspnet/pspnet_r50-d8_4xb2-40k_cityscapes-512x1024.py',
    ['CLI-GEN-003 info 1'],
  ],
  [
    'CLI-GEN-003 path prefix kept',
    'python tools/train.py ../mmseg/configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py',
    'python tools/train.py ../mmseg/configs/fcn/fcn_r50-d8_4xb2-40k_cityscapes-512x1024.py',
    ['CLI-GEN-003 info 1'],
  ],
  [
    'CLI-GEN-003 unmapped upstream config',
    'python tools/train.py configs/deeplabv3plus/deeplabv3plus_r101_512x512_C-CM+C-WO-NatOcc-SOT.py',
    'python tools/train.py configs/deeplabv3plus/deeplabv3plus_r101_512x512_C-CM+C-WO-NatOcc-SOT.py',
    ['CLI-GEN-003 error 1'],
  ],
  [
    'CLI-GEN-001 wrappers, env prefix, continuations and variables',
    'CUDA_VISIBLE_DEVICES=0 PORT=29500 python -m torch.distributed.launch --nproc_per_node=$GPUS \\\n    tools/train.py $CONFIG --launcher pytorch \\\n    --resume-from ${CKPT} \\\n    --deterministic',
    'CUDA_VISIBLE_DEVICES=0 PORT=29500 python -m torch.distributed.launch --nproc_per_node=$GPUS \\\n    tools/train.py $CONFIG --launcher pytorch \\\n    --resume --cfg-options load_from=${CKPT} randomness.deterministic=True',
    ['CLI-TRAIN-004 info 3', 'CLI-TRAIN-010 info 4'],
  ],
  [
    'CLI-GEN-001 torchrun and python -u',
    'torchrun --nproc_per_node 8 ./tools/train.py cfg.py --no-validate && python -u tools/train.py cfg.py --seed 1',
    'torchrun --nproc_per_node 8 ./tools/train.py cfg.py --cfg-options val_cfg=None val_dataloader=None val_evaluator=None && python -u tools/train.py cfg.py --cfg-options randomness.seed=1',
    ['CLI-TRAIN-006 info 1', 'CLI-TRAIN-008 info 1'],
  ],
  [
    'CLI-GEN-001 a command in shell text with a parse error',
    'python tools/train.py cfg.py --seed 0 "unterminated',
    'python tools/train.py cfg.py --seed 0 "unterminated',
    ['CLI-GEN-001 warning 1'],
  ],
  [
    'CLI-GEN-008 a value that must be read is a variable',
    'python tools/train.py cfg.py --cfg-options $OPTS',
    'python tools/train.py cfg.py --cfg-options $OPTS',
    ['CLI-GEN-008 warning 1'],
  ],
  [
    'CLI-GEN-009 extra bare word',
    'python tools/train.py cfg.py work_dirs/x',
    'python tools/train.py cfg.py work_dirs/x',
    ['CLI-GEN-009 warning 1'],
  ],
  [
    'CLI-GEN-006 usage synopsis: renames only, the rest reported',
    'python tools/train.py ${CONFIG_FILE} [--work_dir ${W}] [--options ${OPTS}] [--deterministic]',
    'python tools/train.py ${CONFIG_FILE} [--work-dir ${W}] [--cfg-options ${OPTS}] [--deterministic]',
    ['CLI-TRAIN-002 info 1', 'CLI-GEN-004 info 1', 'CLI-GEN-006 warning 1'],
  ],
  [
    'commands that only mention the script are not invocations',
    'cat tools/train.py --seed && vim tools/test.py',
    'cat tools/train.py --seed && vim tools/test.py',
    [],
  ],
];

describe('tools/train.py command lines', () => {
  it.each(cases)('%s', (_name, input, output, findings) => {
    const result = rewriteCommandLine(input, { configFor });
    expect(result.text).toBe(output);
    expect(brief(result.findings)).toEqual(findings);
    // Idempotent: the 1.x text converts to itself.
    expect(rewriteCommandLine(result.text, { configFor }).text).toBe(result.text);
  });

  it('keeps a repository config path and reports at the given line', () => {
    const repo = repoConfigs({
      'configs/pspnet/pspnet_r50-d8_512x1024_40k_cityscapes.py': CITYSCAPES_0X,
    });
    const result = rewriteCommandLine(
      'python tools/train.py ./configs/pspnet/pspnet_r50-d8_512x1024_40k_cityscapes.py \\\n  --work_dir w',
      { configFor: repo, path: 'scripts/run.py', line: 10 },
    );
    expect(result.text).toBe(
      'python tools/train.py ./configs/pspnet/pspnet_r50-d8_512x1024_40k_cityscapes.py \\\n  --work-dir w',
    );
    expect(result.findings).toEqual([
      {
        rule: 'CLI-TRAIN-002',
        severity: 'info',
        file: 'scripts/run.py',
        line: 11,
        message: '`--work_dir` → `--work-dir` (argparse rejected `--work_dir` in 0.x too).',
      },
    ]);
  });
});
