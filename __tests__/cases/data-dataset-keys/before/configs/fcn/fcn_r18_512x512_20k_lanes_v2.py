# Version 2 of the annotations uses our own dataset class, which reads the
# polyline files and rasterises them on the fly.
_base_ = './fcn_r18_512x512_20k_lanes.py'
custom_imports = dict(imports=['lanes.datasets'], allow_failed_imports=False)
data = dict(
    train=dict(type='PolylineLaneDataset', ann_dir='polylines/train'),
    val=dict(type='PolylineLaneDataset', ann_dir='polylines/val'),
    test=dict(type='PolylineLaneDataset', ann_dir='polylines/val'))
