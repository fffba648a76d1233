#!/usr/bin/env bash
# Trains an image classifier (timm style): not MMSegmentation's launcher.
CONFIG=$1
GPUS=$2
python -m torch.distributed.launch --nproc_per_node=$GPUS --use_env main.py --config $CONFIG ${@:3}
