"""Evaluate a checkpoint on the tile validation split and dump per-image scores."""
import argparse
import os.path as osp

from mmengine.utils import mkdir_or_exist, digit_version
from mmengine.fileio import load, dump
import torch
from mmengine.config import Config, DictAction
from mmengine.model import revert_sync_batchnorm, MMDistributedDataParallel
from mmengine.dist import collect_results_cpu, get_dist_info, init_dist
from mmcv.image import tensor2imgs
from mmcv.parallel import MMDataParallel
from mmengine.runner import load_checkpoint
from mmcv.runner import wrap_fp16_model
from mmengine.utils.dl_utils import TORCH_VERSION
from mmengine.logging import print_log


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('--out-dir', default='work_dirs/eval')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    return parser.parse_args()


def main():
    args = parse_args()
    cfg = Config.fromfile(args.config)
    if args.cfg_options is not None:
        cfg.merge_from_dict(args.cfg_options)
    mkdir_or_exist(osp.abspath(args.out_dir))
    rank, world_size = get_dist_info()
    print_log(f'torch {TORCH_VERSION}, rank {rank}/{world_size}')
    if digit_version(TORCH_VERSION) < digit_version('1.8.0'):
        raise RuntimeError('torch>=1.8 is required')
    results = load(osp.join(args.out_dir, 'results.pkl'))
    dump(results, osp.join(args.out_dir, 'results.json'))
    return cfg, results
