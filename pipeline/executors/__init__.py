"""Executors beside the local worker pool of `pipeline.runner` (`--executor`)."""
