_base_ = [
    '../_base_/datasets/tiles.py', '../_base_/default_runtime.py',
    '../_base_/schedules/sgd_poly_20k.py'
]
norm_cfg = dict(type='BN', requires_grad=True)
data_preprocessor = dict(
    type='SegDataPreProcessor',
    mean=[120.0, 120.0, 120.0],
    std=[60.0, 60.0, 60.0],
    bgr_to_rgb=True,
    pad_val=0,
    seg_pad_val=255,
    size=(256, 256))
model = dict(
    type='EncoderDecoder',
    data_preprocessor=data_preprocessor,
    backbone=dict(type='ResNetV1c', depth=18, norm_cfg=norm_cfg),
    decode_head=dict(
        type='FCNHead', in_channels=512, channels=128, num_classes=4,
        norm_cfg=norm_cfg),
    test_cfg=dict(mode='slide', crop_size=(256, 256), stride=(170, 170)))
