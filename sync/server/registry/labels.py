"""Question and choice labels of a published form, in the account's language (en, fr, pt).

Form definitions come from the server's FormCatalog (loaded once per process; a published version
never changes).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.engine.model import Question
from sync.server.models import FormVersionRow
from sync.server.validation import FormCatalog


@dataclass(frozen=True)
class FormLabels:
    form_id: str
    version: str
    title: str
    questions: list[Question]
    language: str  # the form's own language name, e.g. "French (fr)"

    def question(self, name: str) -> Question | None:
        for top in self.questions:
            for node in top.walk():
                if node.name == name:
                    return node
        return None

    def text(self, labels: dict[str, str], fallback: str) -> str:
        return labels.get(self.language) or next(iter(labels.values()), "") or fallback

    def label(self, name: str) -> str:
        node = self.question(name)
        return self.text(node.labels, name) if node else name

    def choices(self, name: str) -> dict[str, str]:
        node = self.question(name)
        if node is None or not node.choices:
            return {}
        return {choice.name: self.text(choice.labels, choice.name) for choice in node.choices}


def _form_language(languages: list[str], code: str) -> str:
    for language in languages:
        if language.endswith(f"({code})"):
            return language
    return languages[0] if languages else ""


def newest_version(session: Session, form_id: str) -> str | None:
    return session.scalar(
        select(FormVersionRow.version)
        .where(FormVersionRow.form_id == form_id)
        .order_by(FormVersionRow.published_at.desc(), FormVersionRow.id.desc())
        .limit(1)
    )


def form_labels(
    catalog: FormCatalog, session: Session, form_id: str, version: str | None, language: str
) -> FormLabels | None:
    version = version or newest_version(session, form_id)
    published = catalog.get(form_id, version) if version else None
    if published is None:
        return None
    definition = published.definition()
    return FormLabels(
        form_id,
        str(version),
        str(definition.title or form_id),
        definition.questions,
        _form_language(list(definition.languages or []), language),
    )
