_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='exp', gamma=0.9999, by_epoch=False)
