/// Module Scrape.
