runner = dict(type='IterBasedRunner', max_iters=10000)
evaluation = dict(interval=1000, metric='mIoU')
