_base_ = [
    '../_base_/models/fcn_r18.py', '../_base_/datasets/tiles.py',
    '../_base_/default_runtime.py', '../_base_/schedules/schedule_20k.py'
]
data_preprocessor = dict(
    type='SegDataPreProcessor',
    mean=[123.675, 116.28, 103.53],
    std=[58.395, 57.12, 57.375],
    bgr_to_rgb=True,
    pad_val=0,
    seg_pad_val=255,
    size=(256, 256))
model = dict(data_preprocessor=data_preprocessor)
