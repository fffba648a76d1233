"""Launch a small learning-rate sweep of the tile baseline."""
import os
import subprocess

from mmcv import Config

CONFIG = 'configs/fcn/fcn_r18_256x256_20k_tiles.py'


def main():
    cfg = Config.fromfile(CONFIG)
    print(f'sweeping {cfg.model.type}')
    subprocess.run([
        'python', 'tools/train.py', 'configs/fcn/fcn_r18_256x256_20k_tiles.py',
        '--options', 'optimizer.lr=0.02', '--seed', '0'
    ], check=True)
    os.system('python tools/test.py configs/fcn/fcn_r18_256x256_20k_tiles.py best.pth --eval mIoU mDice')
    for lr in (0.01, 0.005):
        os.system(f'python tools/train.py {CONFIG} --options optimizer.lr={lr}')


if __name__ == '__main__':
    main()
