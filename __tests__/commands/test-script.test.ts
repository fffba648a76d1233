/**
 * tools/test.py command lines (spec §13.4): each CLI-TEST rule, with the
 * exact 1.x text and findings; rules that read the config use a repo config.
 */
import { rewriteCommandLine } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import { brief, CITYSCAPES_0X, repoConfigs } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

const NO_MSFA = CITYSCAPES_0X.replace(
  /test_pipeline = \[[\s\S]*?\n\]\n/,
  "test_pipeline = [dict(type='LoadImageFromFile'), dict(type='Resize', img_scale=(2048, 1024), keep_ratio=True), dict(type='Normalize', **img_norm_cfg), dict(type='ImageToTensor', keys=['img']), dict(type='Collect', keys=['img'])]\n",
);
const configFor = repoConfigs({ 'configs/a.py': CITYSCAPES_0X, 'configs/noflip.py': NO_MSFA });

const cases: [string, string, string, string[]][] = [
  [
    'CLI-TEST-001 --eval equal to the config evaluator: dropped',
    'python tools/test.py configs/a.py c.pth --eval mIoU',
    'python tools/test.py configs/a.py c.pth',
    ['CLI-TEST-001 info 1'],
  ],
  [
    'CLI-TEST-001 other metrics: iou_metrics, quoted',
    'python tools/test.py configs/a.py c.pth --eval mIoU mDice',
    'python tools/test.py configs/a.py c.pth --cfg-options "test_evaluator.iou_metrics=[mIoU,mDice]"',
    ['CLI-TEST-001 info 1'],
  ],
  [
    'CLI-TEST-001 config unknown: explicit iou_metrics',
    'python tools/test.py cfg.py c.pth --eval mIoU',
    'python tools/test.py cfg.py c.pth --cfg-options "test_evaluator.iou_metrics=[mIoU]"',
    ['CLI-TEST-001 info 1'],
  ],
  [
    'CLI-TEST-002 --eval cityscapes',
    'python tools/test.py cfg.py c.pth --eval cityscapes',
    'python tools/test.py cfg.py c.pth --cfg-options test_evaluator.type=CityscapesMetric test_evaluator.output_dir=.format_cityscapes',
    ['CLI-TEST-002 info 1'],
  ],
  [
    'CLI-TEST-002 cityscapes with IoU metrics: left, error',
    'python tools/test.py cfg.py c.pth --eval mIoU cityscapes',
    'python tools/test.py cfg.py c.pth --eval mIoU cityscapes',
    ['CLI-TEST-002 error 1'],
  ],
  [
    'CLI-TEST-003 invalid metric dropped',
    'python tools/test.py cfg.py c.pth \\\n    --eval mAP',
    'python tools/test.py cfg.py c.pth',
    ['CLI-TEST-003 error 2'],
  ],
  [
    'CLI-TEST-004/005 --format-only with imgfile_prefix',
    'python tools/test.py cfg.py c.pth --format-only --eval-options "imgfile_prefix=./out"',
    'python tools/test.py cfg.py c.pth --cfg-options test_evaluator.format_only=True test_evaluator.output_dir=./out',
    ['CLI-TEST-004 info 1', 'CLI-TEST-005 info 1'],
  ],
  [
    'CLI-TEST-004 --format-only alone',
    'python tools/test.py cfg.py c.pth --format-only',
    'python tools/test.py cfg.py c.pth --cfg-options test_evaluator.format_only=True test_evaluator.output_dir=.format_cityscapes',
    ['CLI-TEST-004 info 1'],
  ],
  [
    'CLI-TEST-006 efficient_test',
    'python tools/test.py configs/a.py c.pth --eval-options efficient_test=True --eval mIoU',
    'python tools/test.py configs/a.py c.pth',
    ['CLI-TEST-001 info 1', 'CLI-TEST-006 info 1'],
  ],
  [
    'CLI-TEST-007 nan_to_num, beta, to_label_id',
    'python tools/test.py configs/a.py c.pth --eval mIoU --eval-options nan_to_num=0 beta=2 to_label_id=False',
    'python tools/test.py configs/a.py c.pth --cfg-options test_evaluator.nan_to_num=0 test_evaluator.beta=2',
    ['CLI-TEST-001 info 1', 'CLI-TEST-007 info 1', 'CLI-TEST-007 info 1', 'CLI-TEST-007 warning 1'],
  ],
  [
    'CLI-TEST-008 --out pickle dropped',
    'python tools/test.py configs/a.py c.pth --out r.pkl --eval mIoU',
    'python tools/test.py configs/a.py c.pth',
    ['CLI-TEST-001 info 1', 'CLI-TEST-008 warning 1'],
  ],
  [
    'CLI-TEST-009 --aug-test with MultiScaleFlipAug',
    'python tools/test.py configs/a.py c.pth --aug-test --eval mIoU',
    'python tools/test.py configs/a.py c.pth --tta',
    ['CLI-TEST-001 info 1', 'CLI-TEST-009 info 1'],
  ],
  [
    'CLI-TEST-009 --aug-test without MultiScaleFlipAug',
    'python tools/test.py configs/noflip.py c.pth --aug-test --eval mIoU',
    'python tools/test.py configs/noflip.py c.pth --aug-test',
    ['CLI-TEST-001 info 1', 'CLI-TEST-009 error 1'],
  ],
  [
    'CLI-TEST-010/011/015 --show-dir with --opacity',
    'python tools/test.py cfg.py c.pth --show-dir vis --opacity 1',
    'python tools/test.py cfg.py c.pth --show-dir vis --cfg-options default_hooks.visualization.interval=1 visualizer.alpha=1',
    ['CLI-TEST-010 info 1', 'CLI-TEST-011 info 1', 'CLI-TEST-015 info 1'],
  ],
  [
    'CLI-TEST-010/011 --show without --opacity',
    'python tools/test.py configs/a.py c.pth --show --eval mIoU',
    'python tools/test.py configs/a.py c.pth --show --cfg-options default_hooks.visualization.interval=1',
    ['CLI-TEST-001 info 1', 'CLI-TEST-010 info 1', 'CLI-TEST-011 info 1'],
  ],
  [
    'CLI-TEST-012/013 collection and GPU flags',
    'python tools/test.py configs/a.py c.pth --eval mIoU --gpu-collect --tmpdir t --gpu-id 1',
    'python tools/test.py configs/a.py c.pth --cfg-options test_evaluator.collect_device=gpu',
    ['CLI-TEST-001 info 1', 'CLI-TEST-012 info 1', 'CLI-TEST-013 warning 1', 'CLI-TEST-013 info 1'],
  ],
  [
    'CLI-TEST-014 --options, --work-dir, --launcher, --local_rank',
    'python tools/test.py cfg.py c.pth --options dist_params.port=1 --work-dir w --launcher pytorch --local_rank 0',
    'python tools/test.py cfg.py c.pth --cfg-options env_cfg.dist_cfg.port=1 --work-dir w --launcher pytorch --local_rank 0',
    ['CLI-GEN-004 info 1', 'KEY-001 info 1'],
  ],
  [
    'CLI-TEST-015 --out only',
    'python tools/test.py cfg.py c.pth --out r.pkl',
    'python tools/test.py cfg.py c.pth',
    ['CLI-TEST-008 warning 1', 'CLI-TEST-015 info 1'],
  ],
  [
    'a 1.x --out DIR command is left alone',
    'python tools/test.py cfg.py c.pth --out preds --tta',
    'python tools/test.py cfg.py c.pth --out preds --tta',
    [],
  ],
  [
    'CLI-GEN-008 --eval with a variable',
    'python tools/test.py cfg.py c.pth --eval $METRIC',
    'python tools/test.py cfg.py c.pth --eval $METRIC',
    ['CLI-GEN-008 warning 1'],
  ],
  [
    'CLI-GEN-006 usage synopsis',
    'python tools/test.py ${CONFIG_FILE} ${CHECKPOINT_FILE} [--out ${RESULT_FILE}] [--eval ${EVAL_METRICS}] [--show]',
    'python tools/test.py ${CONFIG_FILE} ${CHECKPOINT_FILE} [--out ${RESULT_FILE}] [--eval ${EVAL_METRICS}] [--show]',
    ['CLI-GEN-006 warning 1', 'CLI-GEN-006 warning 1', 'CLI-GEN-006 warning 1'],
  ],
  [
    'new arguments take the continued lines of the removed ones',
    'python tools/test.py cfg.py c.pth \\\n    --show-dir vis \\\n    --out r.pkl \\\n    --eval mIoU mDice',
    'python tools/test.py cfg.py c.pth \\\n    --show-dir vis \\\n    --cfg-options "test_evaluator.iou_metrics=[mIoU,mDice]" default_hooks.visualization.interval=1',
    ['CLI-TEST-001 info 4', 'CLI-TEST-008 warning 3', 'CLI-TEST-010 info 2', 'CLI-TEST-011 info 2'],
  ],
];

describe('tools/test.py command lines', () => {
  it.each(cases)('%s', (_name, input, output, findings) => {
    const result = rewriteCommandLine(input, { configFor });
    expect(result.text).toBe(output);
    expect(brief(result.findings)).toEqual(findings);
    expect(rewriteCommandLine(result.text, { configFor }).text).toBe(result.text);
  });
});
