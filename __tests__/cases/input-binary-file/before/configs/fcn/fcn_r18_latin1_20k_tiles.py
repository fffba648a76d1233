_base_ = './fcn_r18_20k_tiles.py'
# café latin-1 comment
lr_config = dict(warmup='linear', warmup_iters=1000)
