import mmcv
from mmcv.parallel import collate, scatter
from mmcv.runner import load_checkpoint


def init_segmentor(config, checkpoint=None, device='cuda:0'):
    config = mmcv.Config.fromfile(config)
    model = None
    if checkpoint is not None:
        load_checkpoint(model, checkpoint, map_location='cpu')
    return model


def inference_segmentor(model, img):
    data = scatter(collate([dict(img=img)], samples_per_gpu=1), ['cuda:0'])[0]
    return model(return_loss=False, rescale=True, **data)
