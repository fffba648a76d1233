#!/usr/bin/env bash
# Multi-GPU and cluster runs for the tile model.
CONFIG=configs/fcn/fcn_r18_256x256_20k_tiles.py

bash tools/dist_train.sh configs/fcn/fcn_r18_256x256_20k_tiles.py 4 --cfg-options randomness.seed=0 randomness.deterministic=True
bash tools/dist_train.sh configs/fcn/fcn_r18_256x256_20k_tiles.py 4 work_dirs/tiles_4gpu
PORT=29510 ./tools/dist_train.sh ${CONFIG} 8 \
    --work-dir work_dirs/tiles_8gpu \
    --cfg-options train_dataloader.num_workers=2 val_dataloader.num_workers=2 test_dataloader.num_workers=2
sh tools/dist_test.sh configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth 4 --cfg-options "test_evaluator.iou_metrics=[mIoU,mDice]"

GPUS=16 sh tools/slurm_train.sh dev tiles configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles_slurm
GPUS=8 GPUS_PER_NODE=8 sh tools/slurm_train.sh dev tiles configs/fcn/fcn_r18_256x256_20k_tiles.py --work-dir work_dirs/tiles_slurm --cfg-options val_cfg=None val_dataloader=None val_evaluator=None
GPUS=4 sh tools/slurm_test.sh dev tiles-eval configs/fcn/fcn_r18_256x256_20k_tiles.py work_dirs/tiles/latest.pth --cfg-options test_evaluator.collect_device=gpu
