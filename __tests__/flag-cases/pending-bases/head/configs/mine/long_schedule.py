_base_ = '../_base_/schedule_20k.py'
# Twice as long, with a smaller learning rate.
optimizer = dict(lr=0.005)
runner = dict(max_iters=40000)
