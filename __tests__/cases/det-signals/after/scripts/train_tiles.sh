#!/usr/bin/env bash
# Train the baseline on four GPUs.
set -e
bash tools/dist_train.sh configs/fcn/fcn_r18_20k_tiles.py 4 --work-dir work_dirs/fcn_r18_tiles
