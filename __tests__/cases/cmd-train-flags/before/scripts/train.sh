#!/usr/bin/env bash
set -e
CONFIG=configs/fcn/fcn_r18_256x256_20k_tiles.py
WORK=work_dirs/tiles

# plain run: nothing to change
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir ${WORK} --launcher none

# the 0.x docs spelling
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work_dir work_dirs/a

# warm start and resume
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --load-from checkpoints/init.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --resume-from work_dirs/a/iter_4000.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --load-from a.pth --resume-from b.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles_ft.py --auto-resume
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --auto-resume

# validation, devices, randomness
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --no-validate --gpus 1
CUDA_VISIBLE_DEVICES=1 python -u tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --gpu-id 1 --seed 42 --diff_seed --deterministic

# option lists
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --options optimizer.lr=0.02 evaluation.metric=mIoU,mDice
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options data.samples_per_gpu=8 --options log_config.interval=10

# abbreviations argparse accepted
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work=work_dirs/b --no-val --resume work_dirs/b/latest.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --gpu 2

# a work dir without its flag
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/c

# already 1.x
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --amp

# distributed launch with placeholders
python -m torch.distributed.launch --nproc_per_node=4 --master_port=$PORT \
    tools/train.py $CONFIG --launcher pytorch --seed 0
torchrun --nproc_per_node 2 tools/train.py ${CONFIG} --launcher pytorch --local_rank 0 --options dist_params.port=29501
