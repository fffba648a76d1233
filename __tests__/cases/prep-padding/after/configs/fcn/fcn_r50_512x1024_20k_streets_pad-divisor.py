_base_ = './fcn_r50_512x1024_20k_streets.py'
crop_size = (512, 1024)
data_preprocessor = dict(
    _delete_=True,
    type='SegDataPreProcessor',
    mean=[123.675, 116.28, 103.53],
    std=[58.395, 57.12, 57.375],
    bgr_to_rgb=True,
    pad_val=0,
    seg_pad_val=0,
    size_divisor=32)
model = dict(data_preprocessor=data_preprocessor)
