"""Entry point of the frozen app: the same `diaspora-desk` command, GUI when called without a verb."""

import multiprocessing
import sys

from desktop.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
