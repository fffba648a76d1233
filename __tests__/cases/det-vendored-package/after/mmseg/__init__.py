import mmcv

from .version import __version__, version_info

MMCV_MIN = '1.3.7'
assert mmcv.__version__ >= MMCV_MIN
