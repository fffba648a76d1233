"""Reads the classification project's annotation files."""
import mmcv
from mmcv.fileio import FileClient


class Annotations:

    def __init__(self, root):
        self.client = FileClient(backend='disk')
        self.items = mmcv.load(root + '/train.json')

    def __len__(self):
        return len(self.items)
