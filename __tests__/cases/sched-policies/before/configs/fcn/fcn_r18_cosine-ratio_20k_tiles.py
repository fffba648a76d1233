_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='CosineAnnealing', min_lr_ratio=0.01, by_epoch=False)
