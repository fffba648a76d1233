# Our method: FCN baseline plus a Dice term that sharpens thin structures
# (poles, traffic signs). Everything else follows the baseline.
_base_ = '../fcn/fcn_r50-d8_512x1024_40k_cityscapes.py'
model = dict(
    decode_head=dict(loss_decode=[
        dict(type='CrossEntropyLoss', use_sigmoid=False, loss_weight=1.0),
        dict(type='DiceLoss', loss_weight=0.5)
    ]))

img_norm_cfg = dict(
    mean=[123.675, 116.28, 103.53], std=[58.395, 57.12, 57.375], to_rgb=True)
crop_size = (512, 1024)
# stronger scale jitter than the baseline; no photometric distortion because
# it hurt the boundary term in our ablations
train_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='LoadAnnotations'),
    dict(type='Resize', img_scale=(2048, 1024), ratio_range=(0.25, 2.5)),
    dict(type='RandomCrop', crop_size=crop_size, cat_max_ratio=0.75),
    dict(type='RandomFlip', prob=0.5),
    dict(type='Normalize', **img_norm_cfg),
    dict(type='Pad', size=crop_size, pad_val=0, seg_pad_val=255),
    dict(type='DefaultFormatBundle'),
    dict(type='Collect', keys=['img', 'gt_semantic_seg']),
]
data = dict(train=dict(pipeline=train_pipeline))

evaluation = dict(metric=['mIoU', 'mDice'])
# ImageNet weights come from the baseline's `pretrained`; this starts from
# our own Cityscapes baseline instead
load_from = 'checkpoints/fcn_r50-d8_512x1024_40k_cityscapes.pth'
work_dir = './work_dirs/boundary_fcn_r50-d8_512x1024_40k_cityscapes'
