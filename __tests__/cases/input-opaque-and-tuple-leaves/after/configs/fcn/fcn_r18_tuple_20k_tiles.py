_base_ = './fcn_r18_20k_tiles.py'
optimizer, optimizer_config = dict(lr=0.02), dict(grad_clip=None)
