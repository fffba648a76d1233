from .inference import inference_segmentor, init_segmentor

__all__ = ['inference_segmentor', 'init_segmentor']
