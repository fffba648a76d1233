#!/usr/bin/env bash
set -e
CONFIG=configs/fcn/fcn_r18_256x256_20k_tiles.py
WORK=work_dirs/tiles

# plain run: nothing to change
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir ${WORK} --launcher none

# the 0.x docs spelling
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir work_dirs/a

# warm start and resume
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options load_from=checkpoints/init.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --resume --cfg-options load_from=work_dirs/a/iter_4000.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --resume --cfg-options load_from=b.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles_ft.py --resume --cfg-options load_from=None
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --resume

# validation, devices, randomness
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options val_cfg=None val_dataloader=None val_evaluator=None
CUDA_VISIBLE_DEVICES=1 python -u tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options randomness.seed=42 randomness.diff_rank_seed=True randomness.deterministic=True

# option lists
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options optim_wrapper.optimizer.lr=0.02 "val_evaluator.iou_metrics=[mIoU,mDice]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options train_dataloader.batch_size=8 --cfg-options default_hooks.logger.interval=10

# abbreviations argparse accepted
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir=work_dirs/b --resume --cfg-options load_from=work_dirs/b/latest.pth val_cfg=None val_dataloader=None val_evaluator=None
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --gpu 2

# a work dir without its flag
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/c

# already 1.x
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --amp

# distributed launch with placeholders
python -m torch.distributed.launch --nproc_per_node=4 --master_port=$PORT \
    tools/train.py $CONFIG --launcher pytorch --cfg-options randomness.seed=0
torchrun --nproc_per_node 2 tools/train.py ${CONFIG} --launcher pytorch --local_rank 0 --cfg-options env_cfg.dist_cfg.port=29501
