_base_ = './fcn_r18_256x256_20k_tiles.py'
load_from = 'checkpoints/fcn_r18_tiles_pretrain.pth'
