"""Qt models of the desk (see docs/contracts.md for the packages they build on)."""
