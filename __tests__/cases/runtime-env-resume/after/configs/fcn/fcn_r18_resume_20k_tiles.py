_base_ = './fcn_r18_20k_tiles.py'
load_from = 'work_dirs/fcn_r18_20k_tiles/iter_8000.pth'
resume = True
