"""``python -m jdmdesk`` runs the command-line interface."""

import sys

from jdmdesk.cli import main

sys.exit(main())
