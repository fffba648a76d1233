_base_ = './fcn_r18_20k_tiles.py'
optimizer_config = dict(
    type='DistOptimizerHook',
    update_interval=2,
    grad_clip=dict(max_norm=10, norm_type=2),
    use_fp16=True)
