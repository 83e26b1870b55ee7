"""Qt widgets: the main window, forms, tables and the chart. No SQL here."""
