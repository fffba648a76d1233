#!/usr/bin/env bash
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options "data.train.pipeline.9.keys=[img]"
python tools/train.py configs/fcn/fcn_r18_256x256_20k_tiles.py --cfg-options data.train.pipeline.8.to_float32=True
