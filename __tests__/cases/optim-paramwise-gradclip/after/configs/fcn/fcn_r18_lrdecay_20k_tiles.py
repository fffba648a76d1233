_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(
    paramwise_cfg=dict(decay_rate=0.9, decay_type='stage_wise', num_layers=6),
    constructor='LearningRateDecayOptimizerConstructor')
