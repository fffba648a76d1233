_base_ = './fcn_r18_20k_tiles.py'
lr_config = dict(_delete_=True, policy='OneCycle', max_lr=0.05, pct_start=0.25, by_epoch=False)
