/// Module PromQL.
