"""Project hooks and modules."""
import torch.nn as nn
from mmcv.cnn import ConvModule
from mmengine.model import constant_init, kaiming_init, BaseModule
from mmseg.registry import HOOKS
from mmengine.hooks import Hook
from mmcv.runner import build_runner, auto_fp16
from mmcv.runner import build_optimizer
from mmengine.registry import Registry, build_from_cfg
from mmcv.tensorrt import onnx2trt
from mmseg.core.utils import sync_random_seed

CUSTOM = Registry('custom')


@HOOKS.register_module()
class LogEvery(Hook):

    def after_train_iter(self, runner):
        pass


class Head(BaseModule):

    def __init__(self):
        super().__init__()
        self.conv = ConvModule(4, 4, 3)

    def init_weights(self):
        kaiming_init(self.conv.conv)
        constant_init(self.conv.bn, 1)
