_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='CosineRestart', periods=[5000, 15000], restart_weights=[1.0, 0.5], min_lr=0.0, by_epoch=False)
