load_from = None
resume = False
