# Cityscapes-format output only, into our own folder.
_base_ = './fcn_r18_512x1024_20k_streets.py'
evaluation = dict(metric='cityscapes', imgfile_prefix='work_dirs/cs_submission')
