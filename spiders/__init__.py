"""Scrapy spiders of termwatch: fetching only, no parsing."""
