_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='CosineAnnealing', min_lr=0.0, warmup='linear', warmup_iters=1000, warmup_ratio=0.1, by_epoch=False)
