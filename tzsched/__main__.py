"""``python -m tzsched``: the same as the ``tzsched`` command."""

from .cli import main

raise SystemExit(main())
