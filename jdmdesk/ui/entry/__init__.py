"""Data entry: the record forms, their field widgets, record tables, patient list and history."""
