"""Run a trained model on a folder of images and save colour-coded masks.

    python demo/infer.py CONFIG CHECKPOINT IMG_DIR OUT_DIR [--device cuda:0]
"""
import argparse
import os.path as osp

import mmcv
from mmcv import Config

from mmseg.apis import inference_segmentor, init_segmentor


def parse_args():
    parser = argparse.ArgumentParser(description='Segment a folder of images')
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('img_dir')
    parser.add_argument('out_dir')
    parser.add_argument('--device', default='cuda:0')
    parser.add_argument('--opacity', type=float, default=0.5)
    return parser.parse_args()


def main():
    args = parse_args()
    cfg = Config.fromfile(args.config)
    # inference never needs the ImageNet weights; the checkpoint has them all
    cfg.model.pretrained = None
    model = init_segmentor(cfg, args.checkpoint, device=args.device)

    mmcv.mkdir_or_exist(args.out_dir)
    for name in mmcv.scandir(args.img_dir, suffix=('.png', '.jpg')):
        img = osp.join(args.img_dir, name)
        result = inference_segmentor(model, img)
        model.show_result(
            img,
            result,
            palette=model.PALETTE,
            out_file=osp.join(args.out_dir, name),
            opacity=args.opacity)


if __name__ == '__main__':
    main()
