_base_ = './fcn_r18_20k_tiles.py'
optimizer = dict(
    _delete_=True,
    backbone=dict(type='SGD', lr=0.001, momentum=0.9),
    decode_head=dict(type='SGD', lr=0.01, momentum=0.9))
