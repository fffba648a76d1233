_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='fixed', warmup='linear', warmup_iters=500, by_epoch=False)
