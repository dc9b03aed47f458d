import sys

from sphinx_errcodes.cli import main

sys.exit(main())
