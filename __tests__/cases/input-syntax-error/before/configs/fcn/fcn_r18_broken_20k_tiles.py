_base_ = './fcn_r18_20k_tiles.py'
# unfinished edit: the closing parenthesis is missing
optimizer = dict(lr=0.02
lr_config = dict(warmup='linear', warmup_iters=1000)
