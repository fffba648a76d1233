_base_ = './fcn_r18_256x256_40k_tiles.py'
optimizer = dict(lr=0.005)
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)
