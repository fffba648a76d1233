# Depth 4: the 12-class poly-1.0 model with bigger batches, validated more
# often.
_base_ = './fcn_r18_512x1024_20k_streets_12cls_poly1.py'
data = dict(samples_per_gpu=4)
evaluation = dict(interval=1000)
