#!/usr/bin/env bash
# The quote below is never closed, so the shell cannot parse this file.
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --seed 0 --work-dir "work_dirs/broken
