_base_ = './fcn_r18_256x256_20k_tiles.py'
use_fp16 = True
if use_fp16:
    optimizer_config = dict(type='Fp16OptimizerHook', loss_scale=512.)
