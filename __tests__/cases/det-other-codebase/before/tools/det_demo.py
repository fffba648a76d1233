from mmcv import Config
from mmdet.apis import inference_detector, init_detector

cfg = Config.fromfile('detection/configs/mask_rcnn/mask_rcnn_coco.py')
model = init_detector(cfg, 'mask_rcnn.pth', device='cuda:0')
print(inference_detector(model, 'demo.jpg'))
