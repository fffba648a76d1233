# Ablation B: run bookkeeping changes on top of the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
train_cfg = dict(max_iters=30000, val_interval=3000)
val_evaluator = dict(iou_metrics=['mIoU', 'mDice'])
test_evaluator = val_evaluator
default_hooks = dict(
    logger=dict(interval=10), checkpoint=dict(interval=3000, max_keep_ckpts=2))
param_scheduler = [
    dict(
        type='PolyLR',
        eta_min=0.0001,
        power=0.9,
        begin=0,
        end=30000,
        by_epoch=False)
]
