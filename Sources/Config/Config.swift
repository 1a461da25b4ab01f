/// Module Config.
