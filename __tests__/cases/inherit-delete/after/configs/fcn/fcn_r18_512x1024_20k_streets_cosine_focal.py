# Cosine decay and a focal loss. The schedule and the loss are replaced
# whole (_delete_), otherwise the poly power and the cross-entropy arguments
# would be merged into the new dicts.
_base_ = './fcn_r18_512x1024_20k_streets.py'
model = dict(
    decode_head=dict(
        loss_decode=dict(
            _delete_=True,
            type='FocalLoss',
            use_sigmoid=True,
            gamma=2.0,
            alpha=0.25,
            loss_weight=1.0)))
param_scheduler = [
    dict(type='LinearLR', start_factor=1e-6, by_epoch=False, begin=0, end=500),
    dict(
        type='CosineAnnealingLR',
        T_max=19500,
        eta_min=1e-6,
        begin=500,
        end=20000,
        by_epoch=False)
]
