_base_ = [
    './_base_/models/fcn.py', './_base_/cityscapes.py', './_base_/runtime.py',
    './_base_/schedules/schedule_1x.py'
]
model = dict(decode_head=dict(num_classes=150))
