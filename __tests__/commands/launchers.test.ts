/**
 * Launchers (spec §13.2, CLI-LAUNCH-001…004) and the other tools
 * (CLI-TOOL-001): positional launcher arguments stay, the pass-through
 * part is translated, extra bare words are reported.
 */
import { rewriteCommandLine } from '../../src/commands/index.js';
import { initParsers } from '../../src/python/parse.js';
import { brief } from './fixtures.js';

beforeAll(() => initParsers({ bash: true }));

const cases: [string, string, string, string[]][] = [
  [
    'CLI-LAUNCH-001 dist_train.sh CONFIG GPUS ...',
    'sh tools/dist_train.sh cfg.py 8 --seed 0',
    'sh tools/dist_train.sh cfg.py 8 --cfg-options randomness.seed=0',
    ['CLI-TRAIN-008 info 1'],
  ],
  [
    'CLI-LAUNCH-001 extra bare word',
    'sh tools/dist_train.sh cfg.py 8 work_dirs/x',
    'sh tools/dist_train.sh cfg.py 8 work_dirs/x',
    ['CLI-LAUNCH-001 warning 1'],
  ],
  [
    'CLI-LAUNCH-002 dist_test.sh CONFIG CHECKPOINT GPUS ...',
    'bash ./tools/dist_test.sh cfg.py ckpt.pth 4 --out r.pkl --eval mIoU',
    'bash ./tools/dist_test.sh cfg.py ckpt.pth 4 --cfg-options "test_evaluator.iou_metrics=[mIoU]"',
    ['CLI-TEST-001 info 1', 'CLI-TEST-008 warning 1'],
  ],
  [
    'CLI-LAUNCH-002 extra bare word',
    './tools/dist_test.sh cfg.py ckpt.pth 4 extra',
    './tools/dist_test.sh cfg.py ckpt.pth 4 extra',
    ['CLI-LAUNCH-002 warning 1'],
  ],
  [
    'CLI-LAUNCH-003 slurm_train.sh with a work dir as a bare 4th word',
    'GPUS=16 sh tools/slurm_train.sh dev job cfg.py work_dirs/x --seed 1',
    'GPUS=16 sh tools/slurm_train.sh dev job cfg.py work_dirs/x --cfg-options randomness.seed=1',
    ['CLI-LAUNCH-003 warning 1', 'CLI-TRAIN-008 info 1'],
  ],
  [
    'CLI-LAUNCH-004 slurm_test.sh PARTITION JOB_NAME CONFIG CHECKPOINT ...',
    'tools/slurm_test.sh $PARTITION job cfg.py $CKPT --eval mIoU --cfg-options dist_params.port=2',
    'tools/slurm_test.sh $PARTITION job cfg.py $CKPT --cfg-options env_cfg.dist_cfg.port=2 "test_evaluator.iou_metrics=[mIoU]"',
    ['KEY-001 info 1', 'CLI-TEST-001 info 1'],
  ],
  [
    'CLI-LAUNCH-004 extra bare word',
    'sh tools/slurm_test.sh dev job cfg.py ckpt.pth out_dir',
    'sh tools/slurm_test.sh dev job cfg.py ckpt.pth out_dir',
    ['CLI-LAUNCH-004 warning 1'],
  ],
  [
    'a launcher config from the upstream tree is renamed',
    'sh tools/dist_train.sh configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py 8',
    'sh tools/dist_train.sh configs/fcn/fcn_r50-d8_4xb2-40k_cityscapes-512x1024.py 8',
    ['CLI-GEN-003 info 1'],
  ],
  [
    'synopsis placeholders and "$@" are left alone',
    'sh tools/dist_train.sh ${CONFIG_FILE} 1 [optional arguments] && ./tools/dist_train.sh "$@"',
    'sh tools/dist_train.sh ${CONFIG_FILE} 1 [optional arguments] && ./tools/dist_train.sh "$@"',
    [],
  ],
  [
    'CLI-TOOL-001 moved and removed tools',
    'python tools/print_config.py cfg.py && python tools/pytorch2onnx.py cfg.py && python tools/convert_datasets/cityscapes.py data/cityscapes --nproc 8',
    'python tools/misc/print_config.py cfg.py && python tools/pytorch2onnx.py cfg.py && python tools/dataset_converters/cityscapes.py data/cityscapes --nproc 8',
    ['CLI-TOOL-001 info 1', 'CLI-TOOL-001 error 1', 'CLI-TOOL-001 info 1'],
  ],
];

describe('launchers and other tools', () => {
  it.each(cases)('%s', (_name, input, output, findings) => {
    const result = rewriteCommandLine(input);
    expect(result.text).toBe(output);
    expect(brief(result.findings)).toEqual(findings);
    expect(rewriteCommandLine(result.text).text).toBe(result.text);
  });
});
