from mmcv import Config
from mmseg.apis import inference_segmentor, init_segmentor

cfg = Config.fromfile('configs/fcn.py')
model = init_segmentor(cfg, 'fcn.pth', device='cuda:0')
print(inference_segmentor(model, 'demo.jpg'))
