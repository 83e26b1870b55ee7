"""Start JDM Desk: ``python main.py [STUDY]`` is the same as ``jdmdesk [STUDY]``."""

import sys

from jdmdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
