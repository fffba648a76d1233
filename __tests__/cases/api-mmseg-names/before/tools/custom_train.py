"""Our own training entry point (predates tools/train.py changes)."""
import mmseg.apis
from mmseg.apis import set_random_seed, train_segmentor
from mmseg.core import build_optimizer
from mmseg.core.evaluation import mean_iou
from mmseg.core.seg import build_pixel_sampler
from mmseg.datasets import (PIPELINES, ConcatDataset, CustomDataset,
                            build_dataloader, build_dataset)
from mmseg.datasets.pipelines import Compose, LoadAnnotations
from mmseg.models import build_segmentor
from mmseg.ops import resize
from mmseg.utils import get_device, get_root_logger
from mmseg.core.hook import MMSegWandbHook


@PIPELINES.register_module()
class Identity:

    def __call__(self, results):
        return results


def run(cfg):
    logger = get_root_logger()
    set_random_seed(0, deterministic=False)
    datasets = [build_dataset(cfg.data.train)]
    model = build_segmentor(cfg.model)
    model.init_weights()
    train_segmentor(model, datasets, cfg, distributed=False, validate=True)
    logger.info('done on %s', get_device())
    return mmseg.apis.init_segmentor(cfg)
