_base_ = './fcn_r18_20k_tiles.py'
checkpoint_config = dict(
    interval=1000,
    max_keep_ckpts=3,
    save_last=False,
    meta=dict(CLASSES=('bg', 'road', 'roof', 'tree')),
    create_symlink=False)
