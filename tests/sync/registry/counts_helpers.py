"""People added straight to the registry's database (the counts and search-path tests)."""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from sync.server.db import session_factory, transaction
from sync.server.models import RecordRow, RecordVersionRow

START = datetime(2025, 1, 1, tzinfo=UTC)


DEVICES = [str(uuid.UUID(int=n + 1)) for n in range(4)]


FORMS = ["diaspora_registration", "short_form"]


SECTORS = ["agriculture", "energy", "health", "ict", "real_estate", "tourism", "education"]


def _answers(rng: random.Random, base: dict[str, Any]) -> dict[str, Any]:
    """A demo person, roughened: missing values, city case variants, sectors in any order."""
    answers = dict(base)
    for name in ("residence_country", "residence_city", "occupation", "sex", "invest_interest"):
        if rng.random() < 0.1:
            answers.pop(name, None)
    city = answers.get("residence_city")
    if isinstance(city, str) and rng.random() < 0.2:
        answers["residence_city"] = city.upper() if rng.random() < 0.5 else city.lower()
    answers["invest_sectors"] = " ".join(rng.sample(SECTORS, rng.randrange(0, 4)))
    return answers


def _version(record_id: str, answers: dict[str, Any], form_id: str, device: str) -> RecordVersionRow:
    text = json.dumps(answers, sort_keys=True)
    return RecordVersionRow(
        version_id=str(uuid.uuid4()),
        record_id=record_id,
        replaces=None,
        form_id=form_id,
        form_version="1",
        deleted=False,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        answers_json=text,
        device_id=device,
        batch_id=str(uuid.UUID(int=0)),
        sequence=0,
        created_at="",
        received_at=START,
    )


def _add(engine: Engine, rng: random.Random, people: list[dict[str, Any]]) -> list[str]:
    ids = []
    with transaction(session_factory(engine)) as session:
        for base in people:
            record_id, device, form_id = str(uuid.uuid4()), rng.choice(DEVICES), rng.choice(FORMS)
            when = START + timedelta(seconds=rng.randrange(400 * 86400))
            version = _version(record_id, _answers(rng, base), form_id, device)
            session.add(
                RecordRow(
                    record_id=record_id,
                    head_version_id=version.version_id,
                    form_id=form_id,
                    deleted=False,
                    first_device_id=device,
                    created_at=when,
                    updated_at=when,
                )
            )
            session.flush()
            session.add(version)
            ids.append(record_id)
    return ids
