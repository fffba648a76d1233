# Sliding-window inference with windows the size of the training crop.
_base_ = './fcn_r50-d8_512x1024_40k_cityscapes.py'
model = dict(
    test_cfg=dict(mode='slide', crop_size={{_base_.crop_size}}, stride=(341, 341)))
