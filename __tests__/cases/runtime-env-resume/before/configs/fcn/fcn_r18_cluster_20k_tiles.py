_base_ = './fcn_r18_20k_tiles.py'
# Settings for the shared cluster (slurm, gloo for the CPU nodes).
dist_params = dict(backend='gloo', port=29510)
cudnn_benchmark = False
mp_start_method = 'spawn'
opencv_num_threads = 1
omp_num_threads = 1
gpu_ids = range(0, 1)
seed = 42
deterministic = True
find_unused_parameters = True
work_dir = './work_dirs/tiles_cluster'
custom_imports = dict(
    imports=['mmcls.models', 'tiles_ext.models'], allow_failed_imports=False)
