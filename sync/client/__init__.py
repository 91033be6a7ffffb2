"""The laptop's side of sync: outbox batching, transport, backoff, enrolment and the engine (no Qt)."""
