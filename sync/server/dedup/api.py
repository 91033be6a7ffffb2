"""`POST /v1/possible-match`: the desk's check before saving (see desk_check.py). Device credential."""

from typing import Annotated, Any

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync.server.db import session_factory, transaction
from sync.server.dedup import hook
from sync.server.dedup.desk_check import check

POSSIBLE_MATCH_PATH = "/v1/possible-match"


class PossibleMatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: dict[Annotated[str, Field(max_length=100)], Annotated[str, Field(max_length=200)]] = Field(
        description="What the clerk typed so far, by field name: document number, or names and birth date.",
        max_length=20,
    )


class PossibleMatchItem(BaseModel):
    message: str = Field(description='"possible match registered at PLACE on DATE"')
    place: str
    date: str


class PossibleMatchResponse(BaseModel):
    possible_match: bool
    reference: str = Field(description="Quote it to a registrar; the server's log ties it to the records.")
    matches: list[PossibleMatchItem]


def register(app: FastAPI, engine: Engine, device_dependency: Any, error_model: Any) -> None:
    """Add the route, and install the duplicate detector ingestion uses (its rules checked at start)."""
    hook.install(hook.detector_for(engine))
    factory = session_factory(engine)
    Device = Annotated[Any, Depends(device_dependency)]
    errors: dict[int | str, dict[str, Any]] = {status: {"model": error_model} for status in (401, 403, 422)}

    @app.post(POSSIBLE_MATCH_PATH, response_model=PossibleMatchResponse, responses=errors, tags=["sync"])
    async def possible_match(request: PossibleMatchRequest, device: Device) -> PossibleMatchResponse:
        return await run_in_threadpool(_answer, factory, request, device.device_id)


def _answer(
    factory: sessionmaker[Session], request: PossibleMatchRequest, device_id: str
) -> PossibleMatchResponse:
    detector = hook.active()
    rules = detector.rules if detector else None
    if rules is None:
        return PossibleMatchResponse(possible_match=False, reference="", matches=[])
    known = set(rules.fields())
    answers = {name: value for name, value in request.answers.items() if name in known}
    with transaction(factory) as session:
        result = check(session, rules, answers, device_id=device_id)
    items = [PossibleMatchItem(message=m.message, place=m.place, date=m.date) for m in result.matches]
    return PossibleMatchResponse(possible_match=bool(items), reference=result.reference, matches=items)
