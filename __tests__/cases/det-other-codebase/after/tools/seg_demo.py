from mmengine.config import Config
from mmseg.apis import inference_model, init_model

cfg = Config.fromfile('configs/fcn.py')
model = init_model(cfg, 'fcn.pth', device='cuda:0')
print(inference_model(model, 'demo.jpg'))
