_base_ = ['mmseg::_base_/models/fcn_r50-d8.py', '../_base_/datasets/tiles.py']
