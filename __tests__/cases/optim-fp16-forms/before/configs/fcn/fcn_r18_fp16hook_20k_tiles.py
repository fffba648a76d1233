_base_ = './fcn_r18_20k_tiles.py'
# Static loss scale (the hook's default of 512).
optimizer_config = dict(type='Fp16OptimizerHook')
