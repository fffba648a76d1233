_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='inv', gamma=0.0001, power=0.75, by_epoch=False)
