_base_ = ['../_base_/datasets/tiles.py', './fcn_r18_20k_tiles.py']
