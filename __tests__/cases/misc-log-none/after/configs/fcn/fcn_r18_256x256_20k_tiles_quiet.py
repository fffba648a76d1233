_base_ = './fcn_r18_256x256_20k_tiles.py'
# no console or file logging for the sweep jobs
default_hooks = dict(logger=None)
vis_backends = []
visualizer = dict(vis_backends=vis_backends)
