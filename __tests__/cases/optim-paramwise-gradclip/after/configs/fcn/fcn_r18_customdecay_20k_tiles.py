_base_ = './fcn_r18_20k_tiles.py'
optim_wrapper = dict(
    paramwise_cfg=dict(num_layers=12, layer_decay_rate=0.65),
    constructor='CustomLayerDecayOptimizerConstructor')
