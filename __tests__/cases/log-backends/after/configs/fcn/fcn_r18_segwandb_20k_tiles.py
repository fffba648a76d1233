_base_ = './fcn_r18_20k_tiles.py'
log_config = dict(
    hooks=[
        dict(type='TextLoggerHook', by_epoch=False),
        dict(
            type='MMSegWandbHook',
            init_kwargs=dict(project='tiles'),
            log_checkpoint=True,
            num_eval_images=50),
        dict(type='PaviLoggerHook'),
        dict(type='SlackLoggerHook', channel='#runs'),
    ])
