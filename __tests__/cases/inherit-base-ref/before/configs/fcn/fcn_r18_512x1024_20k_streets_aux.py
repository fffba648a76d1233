# Fine-tune on the street set with the class count and normalisation of
# the base config; the visualisation hook undoes the normalisation to draw
# the input images.
_base_ = './fcn_r18_512x1024_20k_streets.py'
model = dict(
    decode_head=dict(num_classes={{_base_.model.decode_head.num_classes}}),
    auxiliary_head=dict(
        type='FCNHead',
        in_channels=256,
        in_index=2,
        channels=64,
        num_convs=1,
        concat_input=False,
        num_classes={{_base_.model.decode_head.num_classes}},
        loss_decode=dict(
            type='CrossEntropyLoss', use_sigmoid=False, loss_weight=0.4)))
custom_imports = dict(imports=['streets.hooks'], allow_failed_imports=False)
custom_hooks = [
    dict(
        type='DrawInputsHook',
        interval=500,
        img_norm_cfg={{_base_.img_norm_cfg}})
]
