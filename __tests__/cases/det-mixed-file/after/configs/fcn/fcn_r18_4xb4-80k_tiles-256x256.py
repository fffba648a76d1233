_base_ = './fcn_r18_4xb4-20k_tiles-256x256.py'
# Longer schedule; the runner line predates the 1.x port.
runner = dict(type='IterBasedRunner', max_iters=80000)
evaluation = dict(interval=8000, metric='mIoU')
train_cfg = dict(max_iters=40000, val_interval=4000)
