"""Segment one image with the model of the paper."""
import sys

from mmseg.apis import inference_segmentor, init_segmentor

model = init_segmentor(sys.argv[1], sys.argv[2])
result = inference_segmentor(model, sys.argv[3])
