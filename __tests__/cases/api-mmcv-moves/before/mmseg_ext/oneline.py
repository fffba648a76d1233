import sys
if sys.version_info >= (3, 6): from mmcv.runner import load_checkpoint
if sys.version_info >= (3, 6): from mmcv.runner import get_dist_info, wrap_fp16_model
