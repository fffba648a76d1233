#!/usr/bin/env bash
# Runtime, evaluation and data overrides used in our experiments.
CFG=configs/fcn/fcn_r18_256x256_20k_tiles.py

python tools/train.py $CFG --cfg-options env_cfg.dist_cfg.port=29501 default_hooks.checkpoint.max_keep_ckpts=1
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options train_cfg.val_interval=500 "val_evaluator.iou_metrics=[mDice]" default_hooks.checkpoint.save_best=mIoU default_hooks.checkpoint.rule=greater train_cfg.val_begin=1000 val_evaluator.collect_device=gpu
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options train_dataloader.batch_size=8 train_dataloader.num_workers=2 val_dataloader.num_workers=2 test_dataloader.num_workers=2 train_dataloader.dataset.data_prefix.img_path=img/train val_dataloader.dataset.data_prefix.seg_map_path=ann/val test_dataloader.dataset.ann_file=splits/test.txt "train_dataloader.dataset.metainfo.classes=[road,roof]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options "train_dataloader.dataset.pipeline.2.scale=(1024,1024)" train_dataloader.dataset.pipeline.4.prob=0.3 "model.data_preprocessor.size=(320,320)" "data_preprocessor.size=(320,320)"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options train_dataloader.sampler.shuffle=False val_dataloader.num_workers=1
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options default_hooks.logger.interval=10
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options load_from=ckpt/init.pth work_dir=work_dirs/w log_level=DEBUG find_unused_parameters=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options load_from=work_dirs/w/iter_2000.pth --resume
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --resume
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options env_cfg.cudnn_benchmark=False env_cfg.mp_cfg.mp_start_method=spawn env_cfg.mp_cfg.opencv_num_threads=1 randomness.seed=1 randomness.deterministic=True
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options model.backbone.type=mmpretrain.ConvNeXt model.decode_head.num_classes=2 "custom_imports.imports=[mmpretrain.models]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options "crop_size=(128,128)"
python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles_legacy.py work_dirs/legacy/latest.pth --cfg-options model.test_cfg.mode=slide
