"""A module where the bare name Config already means something else."""
import mmcv


class Config:
    pass


def load(path):
    cfg = mmcv.Config.fromfile(path)
    return cfg
