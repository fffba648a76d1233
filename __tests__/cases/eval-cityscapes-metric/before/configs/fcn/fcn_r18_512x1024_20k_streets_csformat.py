# Also write the official Cityscapes submission format during evaluation.
_base_ = './fcn_r18_512x1024_20k_streets.py'
evaluation = dict(metric=['mIoU', 'cityscapes'])
