_base_ = [
    '../_base_/models/upernet_r50.py', '../_base_/datasets/ade20k_512x512.py',
    '../_base_/default_runtime.py', '../_base_/schedules/poly_160k.py'
]
# ADE20K has 150 classes once the "other" label is dropped
model = dict(
    decode_head=dict(num_classes=150), auxiliary_head=dict(num_classes=150))
