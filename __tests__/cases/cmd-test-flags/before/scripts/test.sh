#!/usr/bin/env bash
CFG=configs/fcn/fcn_r18_256x256_20k_tiles.py
CKPT=work_dirs/tiles/latest.pth

# metrics
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU mDice
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval cityscapes
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval cityscapes --eval-options imgfile_prefix=out/cs
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval cityscapes mIoU
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mAP

# formatting and evaluation options
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --format-only --eval-options imgfile_prefix=out/fmt
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --eval-options efficient_test=True nan_to_num=0 beta=2 to_label_id=False
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --out results.pkl

# test-time augmentation
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --aug-test --eval mIoU

# visualisation
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --show-dir vis --opacity 1
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --show
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --show-dir vis

# collection and devices
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --gpu-collect --tmpdir /tmp/collect --gpu-id 1

# shared arguments
python tools/test.py $CFG $CKPT --eval mIoU --work-dir work_dirs/eval --launcher none --options model.test_cfg.mode=slide "model.test_cfg.crop_size=(256,256)" "model.test_cfg.stride=(170,170)"

# half migrated
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --tta

# metric from the environment
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval $METRIC
