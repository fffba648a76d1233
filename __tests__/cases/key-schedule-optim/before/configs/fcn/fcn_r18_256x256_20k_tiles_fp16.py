_base_ = './fcn_r18_256x256_20k_tiles.py'
# mixed precision with a fixed loss scale
optimizer_config = dict(type='Fp16OptimizerHook', loss_scale=512.)
fp16 = dict()
