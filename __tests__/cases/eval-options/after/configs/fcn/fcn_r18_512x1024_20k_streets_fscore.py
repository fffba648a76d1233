# Metric options for the long-tail study: F-beta with beta=2, NaN classes
# counted as 0, results gathered on the GPU.
_base_ = './fcn_r18_512x1024_20k_streets.py'
val_evaluator = dict(
    iou_metrics=['mFscore'], nan_to_num=0, beta=2, collect_device='gpu')
test_evaluator = val_evaluator
