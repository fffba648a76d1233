# Ablation A: training recipe changes on top of the baseline.
_base_ = './fcn_r18_512x1024_20k_streets.py'
model = dict(
    decode_head=dict(dropout_ratio=0.2),
    test_cfg=dict(mode='slide', crop_size=(512, 1024), stride=(341, 682)))
train_dataloader = dict(batch_size=4, num_workers=4)
val_dataloader = dict(num_workers=4)
test_dataloader = val_dataloader
optim_wrapper = dict(clip_grad=dict(_delete_=True, max_norm=35, norm_type=2))
param_scheduler = [
    dict(
        type='PolyLR',
        eta_min=0.0,
        power=1.0,
        begin=0,
        end=20000,
        by_epoch=False)
]
