_base_ = './fcn_r50_512x1024_20k_streets.py'
custom_imports = dict(imports=['projects.edge_head'], allow_failed_imports=False)
model = dict(
    neck=dict(type='EdgeAwareNeck', in_channels=[256, 512, 1024, 2048]),
    decode_head=dict(type='EdgeFCNHead', edge_weight=0.5))
