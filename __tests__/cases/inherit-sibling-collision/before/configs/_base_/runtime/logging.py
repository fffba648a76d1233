# Logging and checkpoints, shared by all experiments.
log_config = dict(
    interval=50, hooks=[
        dict(type='TextLoggerHook', by_epoch=False),
    ])
checkpoint_config = dict(by_epoch=False, interval=2000)
log_level = 'INFO'
