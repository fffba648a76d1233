#!/usr/bin/env bash
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py \
    --work-dir work_dirs/tiles \
    --seed 0
