"""termwatch: watch AI vendors' terms pages for drift in training and retention language."""

__version__ = "0.1.0"
