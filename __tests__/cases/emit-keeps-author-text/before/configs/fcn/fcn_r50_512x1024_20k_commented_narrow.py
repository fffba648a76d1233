_base_ = './fcn_r50_512x1024_20k_commented.py'
model = dict(
    decode_head=dict(
        num_classes=19,  # the base's value, stated for readers
        channels=256))  # a narrower head
data = dict(samples_per_gpu=4)
