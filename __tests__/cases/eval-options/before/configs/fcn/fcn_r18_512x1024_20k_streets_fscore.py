# Metric options for the long-tail study: F-beta with beta=2, NaN classes
# counted as 0, results gathered on the GPU.
_base_ = './fcn_r18_512x1024_20k_streets.py'
evaluation = dict(
    metric='mFscore',
    beta=2,
    nan_to_num=0,
    gpu_collect=True,
    tmpdir='/dev/shm/eval',
    out_dir='work_dirs/eval_vis',
    broadcast_bn_buffer=True,
    file_client_args=dict(backend='disk'))
