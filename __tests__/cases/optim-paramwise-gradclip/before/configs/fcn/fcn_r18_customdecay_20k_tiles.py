_base_ = './fcn_r18_20k_tiles.py'
optimizer = dict(
    constructor='CustomLayerDecayOptimizerConstructor',
    paramwise_cfg=dict(num_layers=12, layer_decay_rate=0.65))
