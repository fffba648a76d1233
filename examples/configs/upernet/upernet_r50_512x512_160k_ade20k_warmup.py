# Doubling the learning rate diverged in the first few hundred iterations,
# so it comes with a linear warm-up.
_base_ = './upernet_r50_512x512_160k_ade20k.py'
optimizer = dict(lr=0.02)
lr_config = dict(warmup='linear', warmup_iters=1000)
