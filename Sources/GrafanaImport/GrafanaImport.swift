/// Module GrafanaImport.
