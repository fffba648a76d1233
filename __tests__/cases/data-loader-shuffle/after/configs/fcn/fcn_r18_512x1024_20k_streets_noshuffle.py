# Same run without shuffling, to check order sensitivity. Workers are
# restarted every epoch to keep the memory footprint low.
_base_ = './fcn_r18_512x1024_20k_streets.py'
train_dataloader = dict(persistent_workers=False, sampler=dict(shuffle=False))
val_dataloader = dict(persistent_workers=False)
test_dataloader = val_dataloader
