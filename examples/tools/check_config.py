"""Print the fully merged config of one experiment, e.g. to diff two runs.

    python tools/check_config.py configs/boundary/boundary_fcn_r50-d8_512x1024_80k_cityscapes.py
"""
import argparse

from mmcv import Config, DictAction


def main():
    parser = argparse.ArgumentParser(description='Print a merged config')
    parser.add_argument('config')
    parser.add_argument('--options', nargs='+', action=DictAction)
    args = parser.parse_args()

    cfg = Config.fromfile(args.config)
    if args.options is not None:
        cfg.merge_from_dict(args.options)
    print(cfg.pretty_text)


if __name__ == '__main__':
    main()
