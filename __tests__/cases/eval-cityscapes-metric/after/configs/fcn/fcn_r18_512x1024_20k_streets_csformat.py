# Also write the official Cityscapes submission format during evaluation.
_base_ = './fcn_r18_512x1024_20k_streets.py'
val_evaluator = [
    dict(type='IoUMetric', iou_metrics=['mIoU']),
    dict(type='CityscapesMetric', output_dir='.format_cityscapes')
]
test_evaluator = val_evaluator
