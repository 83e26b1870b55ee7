"""The case series report: figures, PDF, the folder job and the dialog."""
