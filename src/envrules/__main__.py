"""``python -m envrules``: the command line, as ``envrules``."""

import sys

from .cli import main

sys.exit(main())
