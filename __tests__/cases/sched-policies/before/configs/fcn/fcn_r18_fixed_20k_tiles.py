_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='fixed', by_epoch=False)
