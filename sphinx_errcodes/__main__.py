import sys

from sphinx_errcodes.check import main

sys.exit(main())
