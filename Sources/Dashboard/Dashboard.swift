/// Module Dashboard.
