"""Segment one image with a trained model."""
import sys

from mmseg.apis import inference_segmentor, init_segmentor

model = init_segmentor(sys.argv[1], sys.argv[2], device='cuda:0')
result = inference_segmentor(model, sys.argv[3])
print(result[0].shape)
