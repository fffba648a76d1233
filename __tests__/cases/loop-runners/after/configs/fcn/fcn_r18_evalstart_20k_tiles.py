_base_ = './fcn_r18_20k_tiles.py'
train_cfg = dict(val_begin=3000)
