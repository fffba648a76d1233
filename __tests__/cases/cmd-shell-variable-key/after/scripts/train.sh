#!/usr/bin/env bash
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options train_cfg.val_interval=$EVERY
