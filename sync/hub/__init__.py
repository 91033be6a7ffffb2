"""The event hub: our server run on a supervisor's laptop for an outreach day without internet.

Clerks' laptops enrol with the hub and sync to it exactly as to the central server; the hub keeps what
they send in its own encrypted database inside the supervisor's store folder, and relays it to the
central server when the supervisor's laptop reaches it (relay.py). See docs/events.md.
"""
