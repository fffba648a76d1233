_base_ = './upernet_r50_512x512_160k_ade20k_adamw.py'
# fixed loss scale; dynamic scaling produced NaNs with AdamW
fp16 = dict(loss_scale=512.)
