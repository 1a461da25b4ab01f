/// Module RESP.
