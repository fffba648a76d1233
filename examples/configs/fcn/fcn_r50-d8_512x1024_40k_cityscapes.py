# Baseline: FCN R50-D8 on Cityscapes, 4 GPUs x 2 images, 40k iterations.
_base_ = [
    '../_base_/models/fcn_r50-d8.py', '../_base_/datasets/cityscapes_512x1024.py',
    '../_base_/default_runtime.py', '../_base_/schedules/poly_40k.py'
]
