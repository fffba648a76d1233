# Depth 4: the 12-class poly-1.0 model with bigger batches, validated more
# often.
_base_ = './fcn_r18_512x1024_20k_streets_12cls_poly1.py'
train_dataloader = dict(batch_size=4)
train_cfg = dict(val_interval=1000)
