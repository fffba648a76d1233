# AdamW instead of SGD. The whole optimizer is replaced (_delete_), otherwise
# SGD's momentum would be merged into the AdamW arguments.
_base_ = './upernet_r50_512x512_160k_ade20k.py'
optimizer = dict(
    _delete_=True,
    type='AdamW',
    lr=0.00006,
    betas=(0.9, 0.999),
    weight_decay=0.01,
    # no decay on norm layers; 10x lr for the randomly initialised heads
    paramwise_cfg=dict(
        custom_keys={
            'norm': dict(decay_mult=0.),
            'head': dict(lr_mult=10.)
        }))
lr_config = dict(
    _delete_=True,
    policy='poly',
    warmup='linear',
    warmup_iters=1500,
    warmup_ratio=1e-6,
    power=1.0,
    min_lr=0.0,
    by_epoch=False)
# AdamW keeps two moment buffers per weight: 2 images per GPU, on 8 GPUs
data = dict(samples_per_gpu=2)
