"""`python -m flashpoint.cli`."""

from flashpoint.cli import main

main()
