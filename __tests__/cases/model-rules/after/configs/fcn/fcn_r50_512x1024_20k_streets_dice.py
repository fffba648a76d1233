_base_ = './fcn_r50_512x1024_20k_streets.py'
model = dict(
    decode_head=dict(
        loss_decode=dict(
            _delete_=True,
            type='DiceLoss',
            loss_weight=1.0,
            loss_name='loss_dice')))
