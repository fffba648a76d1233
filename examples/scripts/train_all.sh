#!/bin/bash
# Reproduces every row of the results table. Run from the repository root.
set -e

GPUS=${GPUS:-4}
WORK=work_dirs

# baselines
./tools/dist_train.sh configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py ${GPUS} \
    --work-dir ${WORK}/fcn_r50_40k --deterministic --seed 0
./tools/dist_train.sh configs/upernet/upernet_r50_512x512_160k_ade20k.py 8 \
    --options optimizer.lr=0.005 data.samples_per_gpu=2

# our method, initialised from the baseline checkpoint
./tools/dist_train.sh configs/boundary/boundary_fcn_r50-d8_512x1024_40k_cityscapes.py ${GPUS} \
    --load-from ${WORK}/fcn_r50_40k/latest.pth

# continue the long run if the cluster killed it
python tools/train.py configs/boundary/boundary_fcn_r50-d8_512x1024_80k_cityscapes.py \
    --resume-from ${WORK}/boundary_fcn_r50-d8_512x1024_80k_cityscapes/latest.pth \
    --gpu-id 0

# quick smoke test without validation
python tools/train.py configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_bs4.py \
    --no-validate --options runner.max_iters=200 log_config.interval=10

# evaluation, single and multi-scale
./tools/dist_test.sh configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes.py \
    ${WORK}/fcn_r50_40k/latest.pth ${GPUS} --eval mIoU
python tools/test.py configs/upernet/upernet_r50_512x512_160k_ade20k.py \
    ${WORK}/upernet_r50_512x512_160k_ade20k/latest.pth \
    --aug-test --eval mIoU mDice --show-dir ${WORK}/vis
