"""What a person's registration receipt says, in the person's language (English, French, Portuguese).

``receipt_content(version, batch, form, language)`` gathers it: the registration reference
(``forms.reference``) and its QR code (a ``segno`` matrix), the date, place and consulate (the batch),
a summary of what was recorded (the document number masked to its last characters), the form's own
privacy notice, and how the data is protected and how to ask for access, correction or erasure.

The fixed sentences live here, not in Qt's catalogues: a receipt is in the person's language, which is
not always the interface language, and the command line makes receipts without Qt's translators. The
PDF is drawn by ``desktop/receipt_pdf.py``. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from forms.engine.definition import FormDefinition
from forms.engine.model import Question, pick
from forms.errors import DeskError
from forms.reference import reference_of

LANGUAGES = ("en", "fr", "pt")
SHOWN_DOCUMENT_CHARACTERS = 3

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Registration receipt",
        "reference": "Registration reference",
        "reference_help": "Give this reference to the consulate to see, correct or erase your registration.",
        "date": "Date",
        "place": "Place",
        "consulate": "Consulate or event",
        "recorded": "What was recorded",
        "sections": "Sections answered",
        "privacy": "Your data",
        "protection": (
            "Your answers are stored encrypted on the consulate's computer and sent only over an encrypted "
            "connection to the registry of the diaspora office. Only authorised staff can read them; every "
            "access is logged."
        ),
        "rights": (
            "You may ask at any time to see your data (access), to correct it or to have it erased. Go to "
            "the consulate or write to it, giving the registration reference above. Consent may be "
            "withdrawn in the same way."
        ),
        "name": "Name",
        "birth_date": "Date of birth",
        "nationalities": "Nationality",
        "document": "Identity document",
        "residence": "Residence",
        "contact": "Contact",
        "interests": "Interested in",
        "invest": "investing",
        "transfer": "skills transfer or return",
        "mentoring": "mentoring",
        "masked": "number ending in",
    },
    "fr": {
        "title": "Récépissé d'enregistrement",
        "reference": "Référence d'enregistrement",
        "reference_help": (
            "Donnez cette référence au consulat pour consulter, corriger ou effacer votre enregistrement."
        ),
        "date": "Date",
        "place": "Lieu",
        "consulate": "Consulat ou événement",
        "recorded": "Ce qui a été enregistré",
        "sections": "Rubriques remplies",
        "privacy": "Vos données",
        "protection": (
            "Vos réponses sont conservées chiffrées sur l'ordinateur du consulat et transmises "
            "uniquement par une connexion chiffrée au registre du bureau de la diaspora. Seul le "
            "personnel autorisé peut les lire ; chaque consultation est journalisée."
        ),
        "rights": (
            "Vous pouvez à tout moment demander à voir vos données (accès), à les faire corriger ou "
            "effacer. Adressez-vous au consulat, sur place ou par écrit, en indiquant la référence "
            "ci-dessus. Le consentement peut être retiré de la même façon."
        ),
        "name": "Nom",
        "birth_date": "Date de naissance",
        "nationalities": "Nationalité",
        "document": "Pièce d'identité",
        "residence": "Résidence",
        "contact": "Contact",
        "interests": "Intéressé(e) par",
        "invest": "l'investissement",
        "transfer": "le transfert de compétences ou le retour",
        "mentoring": "le mentorat",
        "masked": "numéro se terminant par",
    },
    "pt": {
        "title": "Comprovativo de registo",
        "reference": "Referência de registo",
        "reference_help": "Indique esta referência ao consulado para ver, corrigir ou apagar o seu registo.",
        "date": "Data",
        "place": "Local",
        "consulate": "Consulado ou evento",
        "recorded": "O que foi registado",
        "sections": "Secções respondidas",
        "privacy": "Os seus dados",
        "protection": (
            "As suas respostas são guardadas cifradas no computador do consulado e enviadas apenas por uma "
            "ligação cifrada ao registo do gabinete da diáspora. Só pessoal autorizado as pode ler; cada "
            "acesso fica registado."
        ),
        "rights": (
            "Pode pedir a qualquer momento para ver os seus dados (acesso), corrigi-los ou apagá-los. "
            "Dirija-se ao consulado, presencialmente ou por escrito, indicando a referência acima. O "
            "consentimento pode ser retirado da mesma forma."
        ),
        "name": "Nome",
        "birth_date": "Data de nascimento",
        "nationalities": "Nacionalidade",
        "document": "Documento de identidade",
        "residence": "Residência",
        "contact": "Contacto",
        "interests": "Interessado(a) em",
        "invest": "investir",
        "transfer": "transferência de competências ou regresso",
        "mentoring": "mentoria",
        "masked": "número terminado em",
    },
}


@dataclass(frozen=True)
class ReceiptContent:
    language: str
    title: str
    reference: str
    reference_label: str
    reference_help: str
    qr: list[list[bool]]  # dark modules, row by row (with the quiet zone)
    facts: list[tuple[str, str]]  # date, place, consulate
    recorded_label: str
    summary: list[tuple[str, str]]
    privacy_label: str
    privacy: list[str] = field(default_factory=list)  # paragraphs


def receipt_language(answers: dict[str, Any], wanted: str | None) -> str:
    """``wanted`` if given, else the person's preferred contact language, else English."""
    for candidate in (wanted, answers.get("preferred_language")):
        if isinstance(candidate, str) and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return "en"


def mask_document(number: str) -> str:
    """Never the full number on paper: only its last characters."""
    cleaned = number.strip()
    return cleaned[-SHOWN_DOCUMENT_CHARACTERS:] if len(cleaned) > SHOWN_DOCUMENT_CHARACTERS else ""


def qr_matrix(text: str) -> list[list[bool]]:
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


def _questions(form: FormDefinition) -> dict[str, Question]:
    found: dict[str, Question] = {}

    def walk(questions: list[Question]) -> None:
        for question in questions:
            found[question.name] = question
            if question.children:
                walk(question.children)

    walk(form.questions)
    return found


def _choice(question: Question | None, value: Any, form_language: str, default: str) -> str:
    if question is None or not isinstance(value, str) or not value:
        return str(value or "")
    labels = {c.name: pick(c.labels, form_language, default) or c.name for c in question.choices or ()}
    return ", ".join(labels.get(code, code) for code in value.split())


def _notice(form: FormDefinition, questions: dict[str, Question], answers: dict[str, Any], lang: str) -> str:
    notice = questions.get("consent_notice")
    if notice is None:
        return ""
    text = notice.label(lang, form.default_language) or ""
    version = str(answers.get("notice_version") or "")
    return re.sub(r"\{\{[^}]*notice_version\}\}", version, text).strip()


def _summary(
    form: FormDefinition, questions: dict[str, Question], answers: dict[str, Any], language: str, lang: str
) -> list[tuple[str, str]]:
    words = TEXT[language]
    default = form.default_language

    def choice(name: str) -> str:
        return _choice(questions.get(name), answers.get(name), lang, default)

    lines: list[tuple[str, str]] = []
    name = " ".join(str(answers.get(k) or "") for k in ("given_name", "family_name")).strip()
    if name:
        lines.append((words["name"], name))
    if answers.get("birth_date"):
        lines.append((words["birth_date"], str(answers["birth_date"])))
    if answers.get("nationalities"):
        lines.append((words["nationalities"], choice("nationalities")))
    if answers.get("id_document_type") and answers.get("id_document_type") != "none":
        document = choice("id_document_type")
        tail = mask_document(str(answers.get("document_number") or ""))
        if tail:
            document += f" ({words['masked']} {tail})"
        lines.append((words["document"], document))
    residence = ", ".join(
        part for part in (str(answers.get("residence_city") or ""), choice("residence_country")) if part
    )
    if residence:
        lines.append((words["residence"], residence))
    contact = ", ".join(str(answers[k]) for k in ("phone", "email") if answers.get(k))
    if contact:
        lines.append((words["contact"], contact))
    interests = [
        words[key]
        for key, question in (
            ("invest", "invest_interest"),
            ("transfer", "skills_transfer_interest"),
            ("mentoring", "mentoring_interest"),
        )
        if answers.get(question) == "yes"
    ]
    if interests:
        lines.append((words["interests"], ", ".join(interests)))
    sections = [
        question.label(lang, default) or ""
        for question in form.questions
        if question.kind == "group"
        and question.label(lang, default)
        and any(
            child.name in answers and answers[child.name] not in ("", None) for child in question.children
        )
    ]
    if sections:
        lines.append((words["sections"], ", ".join(sections)))
    return lines


def _day(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().date().isoformat()
    except ValueError:
        return iso[:10]


def receipt_content(
    version: Any, batch: Any, form: FormDefinition, language: str | None = None
) -> ReceiptContent:
    """``version``: a final RecordVersion; ``batch``: its BatchInfo (name, place, day)."""
    answers: dict[str, Any] = dict(version.answers)
    chosen = receipt_language(answers, language)
    words = TEXT[chosen]
    form_language = form.resolve_language(chosen)
    questions = _questions(form)
    reference = reference_of(version.record_id)
    place = str(answers.get("registration_place") or getattr(batch, "place", "") or "")
    facts = [
        (words["date"], _day(version.created_at)),
        (words["place"], place),
        (words["consulate"], str(getattr(batch, "name", "") or "")),
    ]
    notice = _notice(form, questions, answers, form_language)
    privacy = [p for p in (notice, words["protection"], words["rights"]) if p]
    return ReceiptContent(
        language=chosen,
        title=words["title"],
        reference=reference,
        reference_label=words["reference"],
        reference_help=words["reference_help"],
        qr=qr_matrix(reference),
        facts=[(label, value) for label, value in facts if value],
        recorded_label=words["recorded"],
        summary=_summary(form, questions, answers, chosen, form_language),
        privacy_label=words["privacy"],
        privacy=privacy,
    )


class ReceiptError(DeskError):
    """A receipt that cannot be made, in one sentence (no personal value in it)."""


def find_record_id(store: Any, typed: str) -> str:
    """A record id, or the registration reference printed on a receipt (``K7M3-9QF2-X``)."""
    from forms.reference import ReferenceError, normalise, record_id_prefix
    from forms.store.records import record_exists, record_ids_with_prefix

    typed = typed.strip()
    with store.session(read_only=True) as session:
        if record_exists(session, typed):
            return typed
        try:
            prefix = record_id_prefix(normalise(typed))
        except ReferenceError as error:
            raise ReceiptError(
                f"No record has the id {typed!r}, and it is not a reference: {error}"
            ) from None
        found = record_ids_with_prefix(session, prefix, 2)
    if not found:
        raise ReceiptError(f"No record on this laptop has the reference {normalise(typed)}.")
    if len(found) > 1:
        raise ReceiptError(f"Two records share the reference {normalise(typed)}; give the record id instead.")
    return str(found[0])


def content_for_record(store: Any, record_id: str, language: str | None) -> ReceiptContent:
    """The receipt of a record's latest saved version (a draft has no receipt yet)."""
    from forms.engine import load_form, shipped_form_path
    from forms.store.batches import get_batch
    from forms.store.records import latest_version

    version = latest_version(store, record_id)
    if version.status != "final":
        raise ReceiptError("This registration is still a draft: save it before printing its receipt.")
    batch = get_batch(store, version.batch_id)
    store.audit("receipt_made", record_id=record_id)
    return receipt_content(version, batch, load_form(shipped_form_path()), language)
