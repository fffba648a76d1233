_base_ = [
    '../_base_/models/fcn_r18.py', '../_base_/datasets/tiles_1x.py',
    '../_base_/runtime_1x.py', '../_base_/schedules/schedule_20k.py'
]
crop_size = (256, 256)
data_preprocessor = dict(
    type='SegDataPreProcessor',
    mean=[120.0, 120.0, 120.0],
    std=[60.0, 60.0, 60.0],
    bgr_to_rgb=True,
    pad_val=0,
    seg_pad_val=255,
    size=crop_size)
model = dict(data_preprocessor=data_preprocessor)
