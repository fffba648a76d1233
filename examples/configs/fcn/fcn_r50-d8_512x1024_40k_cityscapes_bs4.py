# Larger per-GPU batch for the 8x A100 nodes; learning rate left unchanged on
# purpose (see the ablation table in the README).
_base_ = './fcn_r50-d8_512x1024_40k_cityscapes.py'
data = dict(samples_per_gpu=4)
