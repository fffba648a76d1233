_base_ = ['./fcn_r18_20k_tiles.py', './fcn_r18_loop_a_tiles.py']
