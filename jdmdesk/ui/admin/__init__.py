"""Accounts and study administration: login, users, study settings, the idle auto-lock."""
