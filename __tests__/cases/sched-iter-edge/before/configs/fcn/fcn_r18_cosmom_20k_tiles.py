_base_ = './fcn_r18_20k_tiles.py'
momentum_config = dict(policy='CosineAnnealing', min_momentum_ratio=0.85)
