#!/usr/bin/env bash
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles_single.py work_dirs/tiles/latest.pth --aug-test --eval mIoU
