"""``python -m envrules.cli``: the command line, as ``envrules``."""

from . import main

raise SystemExit(main())
