"""The bundle's entry point: the same ``jdmdesk`` command line as the installed package.

``benchmarks/bench_bundle.py`` runs this same file with the venv's Python, so both sides of
the start-up comparison run the same code.
"""

import os
import sys

from jdmdesk.frozen import prepare_locale, prepare_streams

prepare_streams()
prepare_locale()

if os.environ.get("JDMDESK_FIRST_PAINT"):  # smoke tests and benchmarks only
    from jdmdesk.ui.first_paint import arm_from_environment

    _probe = arm_from_environment()

from jdmdesk.cli import main  # noqa: E402

sys.exit(main())
