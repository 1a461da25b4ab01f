/// Module HTTP.
