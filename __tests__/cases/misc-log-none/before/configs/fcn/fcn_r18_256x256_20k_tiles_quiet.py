_base_ = './fcn_r18_256x256_20k_tiles.py'
# no console or file logging for the sweep jobs
log_config = None
