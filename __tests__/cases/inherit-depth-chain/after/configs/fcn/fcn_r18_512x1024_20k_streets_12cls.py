# Depth 2: the baseline with a 12-class label set (vehicles merged).
_base_ = './fcn_r18_512x1024_20k_streets.py'
model = dict(decode_head=dict(num_classes=12))
