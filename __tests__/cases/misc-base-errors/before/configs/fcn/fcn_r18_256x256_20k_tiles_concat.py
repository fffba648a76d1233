_base_ = './fcn_r18_256x256_' + '20k_tiles.py'
model = dict(decode_head=dict(num_classes=5))
