/// Module YAML.
