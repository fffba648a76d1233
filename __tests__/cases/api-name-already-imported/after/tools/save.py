"""Save a checkpoint next to its config."""
import os.path as osp

import mmcv
import torch
from mmengine.utils import mkdir_or_exist


def save(model, filename):
    mkdir_or_exist(osp.dirname(filename))
    torch.save(dict(state_dict=model.state_dict(), mmcv=mmcv.__version__), filename)


def save_again(model, filename):
    mkdir_or_exist(osp.dirname(filename))
    torch.save(model.state_dict(), filename)
