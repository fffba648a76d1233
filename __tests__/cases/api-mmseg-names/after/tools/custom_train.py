"""Our own training entry point (predates tools/train.py changes)."""
import mmseg.apis
from mmengine.runner import set_random_seed
from mmseg.apis import train_segmentor
from mmseg.core import build_optimizer
from mmseg.core.evaluation import mean_iou
from mmseg.structures import build_pixel_sampler
from mmseg.registry import TRANSFORMS
from mmengine.dataset import ConcatDataset
from mmseg.datasets import BaseSegDataset, build_dataloader, build_dataset
from mmcv.transforms import Compose
from mmseg.datasets.transforms import LoadAnnotations
from mmseg.models import build_segmentor
from mmseg.models.utils import resize
from mmseg.utils import get_device, get_root_logger
from mmseg.core.hook import MMSegWandbHook


@TRANSFORMS.register_module()
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
    return mmseg.apis.init_model(cfg)
