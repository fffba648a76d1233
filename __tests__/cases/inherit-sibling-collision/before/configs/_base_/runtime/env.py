# Cluster environment: distributed backend and start-up settings.
dist_params = dict(backend='nccl')
load_from = None
resume_from = None
workflow = [('train', 1)]
