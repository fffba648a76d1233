import argparse

from mmengine.config import Config


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('config')
    print(Config.fromfile(parser.parse_args().config).pretty_text)


if __name__ == '__main__':
    main()
