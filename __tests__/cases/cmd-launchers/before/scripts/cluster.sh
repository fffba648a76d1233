#!/usr/bin/env bash
# Multi-GPU and cluster runs for the tile model.
CONFIG=configs/fcn/fcn_r18_256x256_20k_tiles.py

bash tools/dist_train.sh configs/fcn/fcn_r18_256x256_20k_tiles.py 4 --seed 0 --deterministic
bash tools/dist_train.sh configs/fcn/fcn_r18_256x256_20k_tiles.py 4 work_dirs/tiles_4gpu
PORT=29510 ./tools/dist_train.sh ${CONFIG} 8 \
    --work-dir work_dirs/tiles_8gpu \
    --options data.workers_per_gpu=2
sh tools/dist_test.sh configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth 4 --out results.pkl --eval mIoU mDice

GPUS=16 sh tools/slurm_train.sh dev tiles configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles_slurm
GPUS=8 GPUS_PER_NODE=8 sh tools/slurm_train.sh dev tiles configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir work_dirs/tiles_slurm --no-validate
GPUS=4 sh tools/slurm_test.sh dev tiles-eval configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --eval mIoU --gpu-collect
