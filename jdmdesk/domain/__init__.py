"""Pure-Python clinical domain: field catalogue, parsing, validation, units, totals, scores.

Nothing here imports Qt or SQLite (checked by tests/test_layers.py).
"""
