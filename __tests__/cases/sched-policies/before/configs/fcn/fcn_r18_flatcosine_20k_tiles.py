_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='FlatCosineAnnealing', start_percent=0.5, min_lr=0.0, by_epoch=False)
