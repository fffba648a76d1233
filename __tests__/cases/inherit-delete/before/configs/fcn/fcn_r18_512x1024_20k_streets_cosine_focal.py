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
lr_config = dict(
    _delete_=True,
    policy='CosineAnnealing',
    warmup='linear',
    warmup_iters=500,
    warmup_ratio=1e-6,
    min_lr=1e-6,
    by_epoch=False)
