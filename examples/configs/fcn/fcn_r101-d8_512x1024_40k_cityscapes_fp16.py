# Mixed precision run of the R101 model (about 40% less memory on V100).
_base_ = './fcn_r101-d8_512x1024_40k_cityscapes.py'
optimizer_config = dict(type='Fp16OptimizerHook', loss_scale='dynamic')
