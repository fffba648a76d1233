_base_ = './fcn_r18_20k_tiles.py'
use_clip = True
if use_clip:
    optimizer_config = dict(grad_clip=dict(max_norm=35, norm_type=2))
