# Twice as long; everything else as in the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
runner = dict(max_iters=40000)
