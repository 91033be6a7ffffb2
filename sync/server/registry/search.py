"""People search: names in any order and without accents, document number, phone, email; filters.

Names: each word typed is a prefix of one of the person's name words (registry_name_tokens, an index
range per word, intersected). Document numbers compare upper-case letters and digits; phones their
last 9 digits (with or without the country code); emails casefolded. The result is one page of
people, counted and ordered in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import CompoundSelect, Select, func, intersect, select, union
from sqlalchemy.orm import Session

from forms.store.fields import normalize_document, normalize_name, normalize_phone
from sync.server.models import RegistryNameTokenRow, RegistryPersonRow
from sync.server.registry.index import PHONE_TAIL, _among

P = RegistryPersonRow
T = RegistryNameTokenRow
PAGE = 50
MAX_WORDS = 6
MAX_LISTED = 20_000  # matched records passed to the page's query as a list (more: as a subquery)
INTERESTS = {"invest": P.invest_interest, "return": P.return_interest, "mentoring": P.mentoring_interest}


@dataclass(frozen=True)
class PeopleQuery:
    text: str = ""
    skill: str = ""
    sector: str = ""
    country: str = ""
    city: str = ""
    language: str = ""
    interest: str = ""
    page: int = 1

    @classmethod
    def parse(cls, params: Any) -> PeopleQuery:
        def get(name: str, limit: int = 64) -> str:
            return " ".join(str(params.get(name) or "").split())[:limit]

        page = get("page", 6)
        return cls(
            get("q", 200),
            get("skill"),
            get("sector"),
            get("country", 8),
            get("city", 120),
            get("language", 16),
            get("interest", 16) if get("interest", 16) in INTERESTS else "",
            int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1,
        )

    @property
    def empty(self) -> bool:
        return not any(
            (self.text, self.skill, self.sector, self.country, self.city, self.language, self.interest)
        )

    def kinds(self) -> list[str]:
        """What was searched by, for the audit log (never the text itself)."""
        used = ["text"] if self.text else []
        for name in ("skill", "sector", "country", "city", "language", "interest"):
            if getattr(self, name):
                used.append(name)
        return used


@dataclass(frozen=True)
class PersonHit:
    record_id: str
    display_name: str
    residence_country: str | None
    residence_city: str | None
    skills_sector: str | None
    occupation: str | None
    registered_day: str


def _prefix(word: str) -> Select[Any]:
    # the token column is in the "C" collation on PostgreSQL, so this range is a prefix match
    return select(T.record_id).where(T.token >= word, T.token < word + "\uffff")


def _text_matches(text: str) -> Select[Any] | None:
    words = normalize_name(text).split()[:MAX_WORDS]
    parts: list[Select[Any] | CompoundSelect[Any]] = []
    if words:
        name = _prefix(words[0]) if len(words) == 1 else intersect(*[_prefix(word) for word in words])
        parts.append(select(name.subquery().c.record_id) if len(words) > 1 else name)
    document = normalize_document(text)
    if document and any(char.isdigit() for char in document):
        parts.append(select(P.record_id).where(P.document_norm == document))
    digits = normalize_phone(text)
    if len(digits) >= 6 and not any(char.isalpha() for char in text):
        parts.append(select(P.record_id).where(P.phone_tail == digits[-PHONE_TAIL:]))
    if "@" in text:
        parts.append(select(P.record_id).where(P.email_norm == text.strip().casefold()))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else union(*parts)  # type: ignore[return-value]


def conditions(query: PeopleQuery, session: Session | None = None) -> list[Any] | None:
    """The WHERE of a search; None when the text can match no one. With a session, the records the
    text matches are looked up first (the name tokens' index alone) and, unless there are more than
    MAX_LISTED, given to the query as a list: the planner then reads just those people by primary
    key, never the whole registry_people table."""
    where: list[Any] = []
    if query.text:
        matches = _text_matches(query.text)
        if matches is None:
            return None
        found = list(session.scalars(matches.limit(MAX_LISTED + 1))) if session is not None else None
        if found is not None and len(found) <= MAX_LISTED:
            if not found:
                return None
            where.append(_among(P.record_id, found, session))  # type: ignore[arg-type]
        else:
            where.append(P.record_id.in_(matches))
    if query.skill:
        where.append(P.skills_sector == query.skill)
    if query.sector:
        where.append(P.invest_sectors.like(f"% {query.sector.replace('%', '').replace('_', '')} %"))
    if query.country:
        where.append(P.residence_country == query.country)
    if query.city:
        where.append(func.lower(P.residence_city) == query.city.lower())
    if query.language:
        spoken = query.language.replace("%", "").replace("_", "")
        where.append(P.languages.like(f"% {spoken} %") | (P.preferred_language == query.language))
    if query.interest:
        where.append(INTERESTS[query.interest] == "yes")
    return where


def search(session: Session, query: PeopleQuery) -> tuple[int, list[PersonHit]]:
    """(how many match, the page asked for), ordered by name."""
    if query.empty:
        return 0, []
    where = conditions(query, session)
    if where is None:
        return 0, []
    rows = session.execute(
        select(
            P.record_id,
            P.display_name,
            P.residence_country,
            P.residence_city,
            P.skills_sector,
            P.occupation,
            P.registered_day,
            func.count().over().label("total"),  # the count with the page: one statement
        )
        .where(*where)
        .order_by(P.display_name, P.record_id)
        .offset((query.page - 1) * PAGE)
        .limit(PAGE)
    ).all()
    if rows:
        total = int(rows[0].total)
    else:  # a page past the end: count apart
        total = int(session.scalar(select(func.count()).select_from(P).where(*where)) or 0)
    return total, [PersonHit(*row[:-1]) for row in rows]
