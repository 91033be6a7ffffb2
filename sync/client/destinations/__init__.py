"""Other servers a desk feeds besides its own: ODK Central and KoboToolbox, over OpenRosa.

Each destination reads the same outbox as the sync to our server, in sequence order, with its own
checkpoint in the store: every record version goes to every destination exactly once.
"""
