# Validate often early on and keep the best checkpoint by mIoU.
_base_ = './fcn_r18_512x1024_20k_streets.py'
val_evaluator = dict(iou_metrics=['mIoU', 'mFscore'])
test_evaluator = val_evaluator
train_cfg = dict(val_interval=1000, val_begin=2000)
default_hooks = dict(checkpoint=dict(save_best='mIoU', rule='greater'))
