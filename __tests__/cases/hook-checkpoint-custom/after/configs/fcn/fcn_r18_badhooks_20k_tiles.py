_base_ = './fcn_r18_20k_tiles.py'
custom_hooks = [
    dict(type='EvalHook', interval=100),
    # our own hook: dumps predictions for the review tool
    dict(type='DumpPredictionsHook', out_dir='preds', interval=500),
]
