"""zh-events: scraped Chinese news articles to structured JSONL event records."""

__version__ = "0.1.0"
