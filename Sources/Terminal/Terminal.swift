/// Module Terminal.
