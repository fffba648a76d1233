# 40k variant: meant to extend the tile config, but points at its own child.
_base_ = './fcn_r18_256x256_40k_tiles_lr.py'
runner = dict(type='IterBasedRunner', max_iters=40000)
checkpoint_config = dict(by_epoch=False, interval=4000)
