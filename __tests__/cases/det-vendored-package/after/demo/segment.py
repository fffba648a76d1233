"""Segment one image with the model of the paper."""
import sys

from mmseg.apis import inference_model, init_model

model = init_model(sys.argv[1], sys.argv[2])
result = inference_model(model, sys.argv[3])
