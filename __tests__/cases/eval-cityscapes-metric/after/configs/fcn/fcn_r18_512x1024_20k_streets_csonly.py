# Cityscapes-format output only, into our own folder.
_base_ = './fcn_r18_512x1024_20k_streets.py'
val_evaluator = dict(
    _delete_=True,
    type='CityscapesMetric',
    output_dir='work_dirs/cs_submission')
test_evaluator = val_evaluator
