_base_ = './fcn_r18_20k_tiles.py'
log_config = dict(
    interval=20,
    hooks=[
        dict(type='TextLoggerHook', by_epoch=False, interval_exp_name=500),
        dict(type='TensorboardLoggerHook', log_dir='tb_logs'),
        dict(
            type='WandbLoggerHook',
            init_kwargs=dict(project='tiles', name='fcn-r18'),
            with_step=False,
            log_artifact=True),
        dict(
            type='MlflowLoggerHook',
            exp_name='tiles',
            tags=dict(model='fcn'),
            log_model=True),
        dict(type='NeptuneLoggerHook', init_kwargs=dict(project='lab/tiles')),
        dict(type='ClearMLLoggerHook', init_kwargs=dict(project_name='tiles')),
        dict(type='DvcliveLoggerHook', model_file='model.pth', path='dvc'),
    ])
log_level = 'DEBUG'
