_base_ = './fcn_r50_512x1024_20k_streets.py'
crop_size = (512, 1024)
