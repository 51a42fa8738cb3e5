"""Fetching: Scrapy runs the crawl, pages are decoded and read in a worker process."""
