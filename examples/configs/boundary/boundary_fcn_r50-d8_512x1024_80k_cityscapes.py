_base_ = './boundary_fcn_r50-d8_512x1024_40k_cityscapes.py'
# twice as long; checkpoints and evaluation every 8k iterations
runner = dict(max_iters=80000)
checkpoint_config = dict(interval=8000)
evaluation = dict(interval=8000)
work_dir = './work_dirs/boundary_fcn_r50-d8_512x1024_80k_cityscapes'
