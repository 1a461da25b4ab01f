/// Module Exposition.
