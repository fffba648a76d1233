import mmcv
from mmcv.runner import load_checkpoint

from mmseg.apis import inference_segmentor, init_segmentor


def test_inference():
    config = mmcv.Config.fromfile('configs/fcn/fcn_r50.py')
    model = init_segmentor(config)
    load_checkpoint(model, 'fcn.pth')
    assert inference_segmentor(model, 'demo.png') is not None
