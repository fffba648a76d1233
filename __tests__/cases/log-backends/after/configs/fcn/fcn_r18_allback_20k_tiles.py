_base_ = './fcn_r18_20k_tiles.py'
default_hooks = dict(logger=dict(interval=20, interval_exp_name=500))
vis_backends = [
    dict(type='LocalVisBackend'),
    dict(type='TensorboardVisBackend', save_dir='tb_logs'),
    dict(
        type='WandbVisBackend',
        init_kwargs=dict(project='tiles', name='fcn-r18')),
    dict(type='MLflowVisBackend', exp_name='tiles', tags=dict(model='fcn')),
    dict(type='NeptuneVisBackend', init_kwargs=dict(project='lab/tiles')),
    dict(type='ClearMLVisBackend', init_kwargs=dict(project_name='tiles')),
    dict(type='DVCLiveVisBackend', init_kwargs=dict(path='dvc'))
]
visualizer = dict(vis_backends=vis_backends)
log_level = 'DEBUG'
