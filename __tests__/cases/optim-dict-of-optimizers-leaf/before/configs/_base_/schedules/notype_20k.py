# The optimizer type comes from each experiment.
optimizer = dict(lr=0.01, weight_decay=0.0005)
optimizer_config = dict()
lr_config = dict(policy='poly', power=1.0, min_lr=0.0, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=20000)
evaluation = dict(interval=2000, metric='mIoU')
