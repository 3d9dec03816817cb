"""The YAML rule engine: schema, strict loader, engine and example runner."""
