# Long ADE20K schedule: 160k iterations, keep only the last few checkpoints
# because the cluster quota is small.
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
optimizer_config = dict(grad_clip=None)
lr_config = dict(policy='poly', power=1.0, min_lr=0.0, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=160000)
checkpoint_config = dict(by_epoch=False, interval=16000, max_keep_ckpts=3)
evaluation = dict(
    interval=16000, metric='mIoU', pre_eval=True, save_best='mIoU')
