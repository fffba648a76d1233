_base_ = [
    '../_base_/models/fcn_r18.py', '../_base_/datasets/tiles.py',
    '../_base_/default_runtime.py', '../v1/schedule_10k_1x.py'
]
checkpoint_config = dict(by_epoch=False, interval=1000)
evaluation = dict(interval=1000, metric='mIoU')
