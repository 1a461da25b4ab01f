/// Module Templates.
