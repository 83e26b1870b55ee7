"""Units of work per user action. QtCore only: each service emits its signal after the commit."""
