# Ablation A: training recipe changes on top of the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
model = dict(
    decode_head=dict(dropout_ratio=0.2),
    test_cfg=dict(mode='slide', crop_size=(512, 1024), stride=(341, 682)))
data = dict(samples_per_gpu=4, workers_per_gpu=4)
optimizer_config = dict(grad_clip=dict(max_norm=35, norm_type=2))
lr_config = dict(power=1.0, min_lr=0.0)
