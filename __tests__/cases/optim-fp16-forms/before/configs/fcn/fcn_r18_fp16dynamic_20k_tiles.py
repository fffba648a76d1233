_base_ = './fcn_r18_20k_tiles.py'
optimizer_config = dict(type='Fp16OptimizerHook', loss_scale='dynamic')
fp16 = dict(loss_scale='dynamic')
