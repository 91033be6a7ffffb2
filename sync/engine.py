"""`sync.engine.run_once(store, cancel, progress)`: the entry point named in the sync contract.

The engine lives in `sync.client.engine`; this module keeps the documented import path stable.
"""

from sync.client.engine import SyncEngine, SyncReport, run_once

__all__ = ["SyncEngine", "SyncReport", "run_once"]
