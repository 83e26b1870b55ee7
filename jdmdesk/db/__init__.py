"""All SQL lives here: the connection profile, migrations, repositories and file checks."""
