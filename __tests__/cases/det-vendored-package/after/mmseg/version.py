__version__ = '0.11.0'
version_info = (0, 11, 0)
