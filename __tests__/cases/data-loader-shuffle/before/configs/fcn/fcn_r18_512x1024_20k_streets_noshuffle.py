# Same run without shuffling, to check order sensitivity. Workers are
# restarted every epoch to keep the memory footprint low.
_base_ = './fcn_r18_512x1024_20k_streets.py'
data = dict(shuffle=False, persistent_workers=False, num_gpus=4)
