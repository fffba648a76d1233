_base_ = './fcn_r18_256x256_20k_tiles.py'
optimizer, optimizer_config = dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0005), dict()
