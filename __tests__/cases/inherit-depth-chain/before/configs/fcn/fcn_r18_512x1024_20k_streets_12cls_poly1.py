# Depth 3: the 12-class model with a gentler poly decay.
_base_ = './fcn_r18_512x1024_20k_streets_12cls.py'
lr_config = dict(power=1.0)
