#!/usr/bin/env bash
CFG=configs/fcn/fcn_r18_256x256_20k_tiles.py
CKPT=work_dirs/tiles/latest.pth

# metrics
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options "test_evaluator.iou_metrics=[mIoU,mDice]"
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.type=CityscapesMetric test_evaluator.output_dir=.format_cityscapes
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.type=CityscapesMetric test_evaluator.output_dir=out/cs
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval cityscapes mIoU
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth

# formatting and evaluation options
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.format_only=True test_evaluator.output_dir=out/fmt
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.nan_to_num=0 test_evaluator.beta=2
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth

# test-time augmentation
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --tta

# visualisation
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --show-dir vis --cfg-options default_hooks.visualization.interval=1 visualizer.alpha=1
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --show --cfg-options default_hooks.visualization.interval=1
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --show-dir vis --cfg-options default_hooks.visualization.interval=1

# collection and devices
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.collect_device=gpu

# shared arguments
python tools/test.py $CFG $CKPT --work-dir work_dirs/eval --launcher none --cfg-options model.test_cfg.mode=slide "model.test_cfg.crop_size=(256,256)" "model.test_cfg.stride=(170,170)" "test_evaluator.iou_metrics=[mIoU]"

# half migrated
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --tta

# metric from the environment
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval $METRIC
