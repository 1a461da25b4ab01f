/// Module Inflate.
