# Ablation B: run bookkeeping changes on top of the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
runner = dict(type='IterBasedRunner', max_iters=30000)
evaluation = dict(interval=3000, metric=['mIoU', 'mDice'])
checkpoint_config = dict(interval=3000, max_keep_ckpts=2)
log_config = dict(interval=10)
