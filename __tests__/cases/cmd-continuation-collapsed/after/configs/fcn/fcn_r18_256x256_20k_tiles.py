_base_ = [
    '../_base_/models/fcn_r18.py', '../_base_/datasets/tiles.py',
    '../_base_/default_runtime.py', '../_base_/schedules/schedule_20k.py'
]
data_preprocessor = dict(size=(256, 256))
model = dict(data_preprocessor=data_preprocessor)
