_base_ = './fcn_r18_20k_tiles.py'
custom_hooks = [
    dict(type='EmptyCacheHook', after_iter=True),
    dict(type='SyncBuffersHook', distributed=True),
    dict(type='EMAHook', momentum=0.0002, interval=1, priority='ABOVE_NORMAL'),
]
