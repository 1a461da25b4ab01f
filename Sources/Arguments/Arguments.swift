/// Module Arguments.
