"""`python -m editqa`."""

import sys

from editqa.cli import main

sys.exit(main())
