_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='LinearAnnealing', min_lr=0.001, by_epoch=False)
