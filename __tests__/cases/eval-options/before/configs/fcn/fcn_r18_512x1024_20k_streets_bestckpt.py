# Validate often early on and keep the best checkpoint by mIoU.
_base_ = './fcn_r18_512x1024_20k_streets.py'
evaluation = dict(
    interval=1000,
    start=2000,
    metric=['mIoU', 'mFscore'],
    pre_eval=True,
    efficient_test=True,
    by_epoch=False,
    save_best='mIoU',
    rule='greater')
