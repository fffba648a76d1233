_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='step', step=[8000, 16000], gamma=0.5, min_lr=0.0001, by_epoch=False)
