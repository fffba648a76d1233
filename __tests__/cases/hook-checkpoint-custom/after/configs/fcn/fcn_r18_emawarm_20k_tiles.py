_base_ = './fcn_r18_20k_tiles.py'
custom_hooks = [
    dict(type='EMAHook', momentum=0.001, interval=4),
    dict(type='ProfilerHook', on_trace_ready=dict(type='tb_trace'))
]
