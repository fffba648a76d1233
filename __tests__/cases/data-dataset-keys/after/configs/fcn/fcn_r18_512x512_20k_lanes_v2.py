# Version 2 of the annotations uses our own dataset class, which reads the
# polyline files and rasterises them on the fly.
_base_ = './fcn_r18_512x512_20k_lanes.py'
custom_imports = dict(imports=['lanes.datasets'], allow_failed_imports=False)
train_dataloader = dict(
    dataset=dict(
        type='PolylineLaneDataset',
        data_prefix=dict(seg_map_path='polylines/train')))
val_dataloader = dict(
    dataset=dict(
        type='PolylineLaneDataset',
        data_prefix=dict(seg_map_path='polylines/val')))
test_dataloader = val_dataloader
