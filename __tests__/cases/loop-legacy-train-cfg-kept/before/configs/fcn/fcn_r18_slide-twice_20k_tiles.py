_base_ = './fcn_r18_20k_tiles.py'
test_cfg = dict(mode='slide', crop_size=(256, 256), stride=(170, 170))
