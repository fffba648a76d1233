import sys
if sys.version_info >= (3, 6): from mmengine.runner import load_checkpoint
if sys.version_info >= (3, 6): from mmengine.dist import get_dist_info; from mmcv.runner import wrap_fp16_model
