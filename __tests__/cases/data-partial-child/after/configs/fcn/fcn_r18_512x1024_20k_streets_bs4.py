# Four images per GPU on the 80 GB cards.
_base_ = './fcn_r18_512x1024_20k_streets.py'
train_dataloader = dict(batch_size=4)
