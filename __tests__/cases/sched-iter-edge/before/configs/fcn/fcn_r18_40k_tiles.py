_base_ = './fcn_r18_20k_tiles.py'
runner = dict(max_iters=40000)
