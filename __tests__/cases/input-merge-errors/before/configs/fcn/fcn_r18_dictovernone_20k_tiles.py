_base_ = './fcn_r18_20k_tiles.py'
load_from = dict(path='checkpoints/init.pth')
resume_from = dict(path='x')
