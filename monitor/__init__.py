"""termwatch: watch AI vendors' terms pages for drift in training, retention and access language."""

__version__ = "0.1.0"
