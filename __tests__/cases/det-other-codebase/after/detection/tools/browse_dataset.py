import argparse

import mmcv
from mmcv import Config


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('config')
    cfg = Config.fromfile(parser.parse_args().config)
    for item in mmcv.track_iter_progress(cfg.data.train):
        print(item)


if __name__ == '__main__':
    main()
