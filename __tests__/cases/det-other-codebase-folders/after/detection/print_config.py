import sys

from mmcv import Config

print(Config.fromfile(sys.argv[1]).pretty_text)
