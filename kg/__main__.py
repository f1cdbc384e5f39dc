"""``python -m kg``: the same command line as ``cppcc-kg``."""

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main())
