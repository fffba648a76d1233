_base_ = './fcn_r18_50e_tiles.py'
runner = dict(type='Runner', max_epochs=30)
