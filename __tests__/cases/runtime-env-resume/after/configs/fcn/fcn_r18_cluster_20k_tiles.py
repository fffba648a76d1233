_base_ = './fcn_r18_20k_tiles.py'
# Settings for the shared cluster (slurm, gloo for the CPU nodes).
env_cfg = dict(
    cudnn_benchmark=False,
    mp_cfg=dict(mp_start_method='spawn', opencv_num_threads=1),
    dist_cfg=dict(backend='gloo', port=29510))
randomness = dict(seed=42, deterministic=True)
find_unused_parameters = True
work_dir = './work_dirs/tiles_cluster'
custom_imports = dict(
    imports=['mmpretrain.models', 'tiles_ext.models'],
    allow_failed_imports=False)
