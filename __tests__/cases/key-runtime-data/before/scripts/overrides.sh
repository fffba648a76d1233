#!/usr/bin/env bash
# Runtime, evaluation and data overrides used in our experiments.
CFG=configs/fcn/fcn_r18_256x256_20k_tiles.py

python tools/train.py $CFG --cfg-options dist_params.port=29501 checkpoint_config.max_keep_ckpts=1 checkpoint_config.meta=run1 checkpoint_config.create_symlink=False
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options evaluation.interval=500 evaluation.metric=mDice evaluation.save_best=mIoU evaluation.rule=greater evaluation.start=1000 evaluation.pre_eval=True evaluation.gpu_collect=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options evaluation.metric=cityscapes
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options data.samples_per_gpu=8 data.workers_per_gpu=2 data.train.img_dir=img/train data.val.ann_dir=ann/val data.test.split=splits/test.txt "data.train.classes=[road,roof]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options data.train.pipeline=none
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options "data.train.pipeline.2.img_scale=(1024,1024)" data.train.pipeline.4.prob=0.3 "data.train.pipeline.6.mean=[120,114,104]" "data.train.pipeline.7.size=(320,320)"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options data.train_dataloader.shuffle=False data.val_dataloader.workers_per_gpu=1
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options log_config.interval=10 log_config.hooks.0.by_epoch=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options load_from=ckpt/init.pth work_dir=work_dirs/w log_level=DEBUG find_unused_parameters=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options resume_from=work_dirs/w/iter_2000.pth
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options auto_resume=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options cudnn_benchmark=False mp_start_method=spawn opencv_num_threads=1 seed=1 deterministic=True "gpu_ids=[0]" workflow=train
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options model.backbone.type=mmcls.ConvNeXt model.decode_head.num_classes=2 "custom_imports.imports=[mmcls.models]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options "crop_size=(128,128)" "img_norm_cfg.mean=[120,114,104]" foo.bar=1
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles_legacy.py work_dirs/legacy/latest.pth --cfg-options test_cfg.mode=slide
