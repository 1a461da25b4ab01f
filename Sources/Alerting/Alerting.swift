/// Module Alerting.
