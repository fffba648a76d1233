_base_ = './fcn_r50_512x1024_20k_streets.py'
data_preprocessor = dict(test_cfg=dict(size_divisor=32))
model = dict(data_preprocessor=data_preprocessor)
