"""Subject access as a PDF for the person, in their language (English, French or Portuguese).

The same document as the JSON export (sync.server.protection.access.subject_access), laid out for a
reader who is not an officer: the answers held now under the form's own question labels in the
person's language, every version with when, where, on which device and by which operator and what it
changed, the restriction and review state, the duplicate checks, and every access to the record. The
language is the person's ``preferred_language`` answer when it is en, fr or pt, else the one asked.

Written with fpdf2 (pure Python; the server's cairo is optional and only draws chart PNGs) in the
DejaVu Sans the desk ships (every accent; embedded as a subset), A4, page numbers in the footer.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from sync.server.registry.labels import FormLabels
from sync.server.registry.person import layout

LANGUAGES = ("en", "fr", "pt")
HIDDEN = {"instanceID", "deprecatedID", "start", "end", "today", "deviceid", "meta"}
_FONT_DIRS = (
    Path(__file__).resolve().parents[3] / "resources" / "fonts",  # a source install: the desk's own copy
    Path("/usr/share/fonts/truetype/dejavu"),
)

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "What the registry holds about you": "Ce que le registre détient à votre sujet",
        "Record": "Fiche",
        "First received": "Reçue pour la première fois",
        "Form": "Formulaire",
        "Written on": "Établi le",
        "by": "par",
        "This document lists everything the registry's server holds about your registration: your "
        "answers now, every earlier version, the checks for duplicates and every time someone looked at "
        "your record. You may ask for a correction or for the erasure of your record at any time.": (
            "Ce document liste tout ce que le serveur du registre détient sur votre enregistrement : vos "
            "réponses actuelles, chaque version antérieure, les contrôles de doublons et chaque consultation "
            "de votre fiche. Vous pouvez demander à tout moment la correction ou l'effacement de votre fiche."
        ),
        "Your answers now": "Vos réponses actuelles",
        "No answer is held.": "Aucune réponse n'est détenue.",
        "Every version of your record": "Chaque version de votre fiche",
        "Version %1": "Version %1",
        "made on the laptop": "faite sur l'ordinateur",
        "received by the server": "reçue par le serveur",
        "device": "appareil",
        "laptop": "ordinateur",
        "operator": "opérateur",
        "batch": "lot",
        "place": "lieu",
        "First registration.": "Premier enregistrement.",
        "Changed: %1": "Modifié : %1",
        "removed": "retiré",
        "A marker of erasure.": "Un marqueur d'effacement.",
        "No change to the answers.": "Aucune modification des réponses.",
        "Restriction and review": "Limitation et vérification",
        "Your record is restricted since %1: it is kept but shown to no one.": (
            "Votre fiche est limitée depuis le %1 : elle est conservée mais montrée à personne."
        ),
        "Your record is not restricted.": "Votre fiche n'est pas limitée.",
        "Review": "Vérification",
        "Checks for duplicates": "Contrôles de doublons",
        "No other record was compared with yours.": "Aucune autre fiche n'a été comparée à la vôtre.",
        "Compared with record %1": "Comparée à la fiche %1",
        "score": "score",
        "decision": "décision",
        "Conflicting versions": "Versions en conflit",
        "Who accessed your record": "Qui a consulté votre fiche",
        "On the registry": "Sur le registre",
        "On the laptops": "Sur les ordinateurs",
        "None.": "Aucune.",
        "When": "Quand",
        "Who": "Qui",
        "What": "Quoi",
        "Page %1 of %2": "Page %1 sur %2",
        "viewed": "consultée",
        "exported": "exportée",
        "found in a search": "trouvée par une recherche",
        "saved or changed": "enregistrée ou modifiée",
        "printed": "imprimée",
        "erasure": "effacement",
        "checked for duplicates": "contrôle de doublons",
        "reviewed": "vérifiée",
        "Question": "Question",
        "Answer": "Réponse",
    },
    "pt": {
        "What the registry holds about you": "O que o registo guarda sobre si",
        "Record": "Registo",
        "First received": "Recebido pela primeira vez",
        "Form": "Formulário",
        "Written on": "Emitido em",
        "by": "por",
        "This document lists everything the registry's server holds about your registration: your "
        "answers now, every earlier version, the checks for duplicates and every time someone looked at "
        "your record. You may ask for a correction or for the erasure of your record at any time.": (
            "Este documento lista tudo o que o servidor do registo guarda sobre o seu registo: as suas "
            "respostas atuais, cada versão anterior, as verificações de duplicados e cada consulta do seu "
            "registo. Pode pedir a qualquer momento a correção ou o apagamento do seu registo."
        ),
        "Your answers now": "As suas respostas atuais",
        "No answer is held.": "Nenhuma resposta é guardada.",
        "Every version of your record": "Cada versão do seu registo",
        "Version %1": "Versão %1",
        "made on the laptop": "feita no computador",
        "received by the server": "recebida pelo servidor",
        "device": "dispositivo",
        "laptop": "computador",
        "operator": "operador",
        "batch": "lote",
        "place": "local",
        "First registration.": "Primeiro registo.",
        "Changed: %1": "Alterado: %1",
        "removed": "retirado",
        "A marker of erasure.": "Um marcador de apagamento.",
        "No change to the answers.": "Nenhuma alteração das respostas.",
        "Restriction and review": "Limitação e verificação",
        "Your record is restricted since %1: it is kept but shown to no one.": (
            "O seu registo está limitado desde %1: é guardado mas não é mostrado a ninguém."
        ),
        "Your record is not restricted.": "O seu registo não está limitado.",
        "Review": "Verificação",
        "Checks for duplicates": "Verificações de duplicados",
        "No other record was compared with yours.": "Nenhum outro registo foi comparado com o seu.",
        "Compared with record %1": "Comparado com o registo %1",
        "score": "pontuação",
        "decision": "decisão",
        "Conflicting versions": "Versões em conflito",
        "Who accessed your record": "Quem consultou o seu registo",
        "On the registry": "No registo central",
        "On the laptops": "Nos computadores",
        "None.": "Nenhum.",
        "When": "Quando",
        "Who": "Quem",
        "What": "O quê",
        "Page %1 of %2": "Página %1 de %2",
        "viewed": "consultado",
        "exported": "exportado",
        "found in a search": "encontrado numa pesquisa",
        "saved or changed": "guardado ou alterado",
        "printed": "impresso",
        "erasure": "apagamento",
        "checked for duplicates": "verificação de duplicados",
        "reviewed": "verificado",
        "Question": "Pergunta",
        "Answer": "Resposta",
    },
}


def person_language(document: dict[str, Any], asked: str | None = None) -> str:
    """The person's preferred language when the registry can write in it, else the one asked, else en."""
    preferred = str(document.get("current_answers", {}).get("preferred_language") or "")
    if preferred in LANGUAGES:
        return preferred
    return asked if asked in LANGUAGES else "en"


def _font_files() -> tuple[Path, Path] | None:
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def _when(value: Any) -> str:
    text = str(value or "")
    return text[:16].replace("T", " ") + (
        " UTC" if len(text) > 16 and ("+00:00" in text or text.endswith("Z")) else ""
    )


class _Document(FPDF):
    def __init__(self, words: Any) -> None:
        super().__init__(format="A4")
        self._t = words
        self.family = "Helvetica"
        fonts = _font_files()
        if fonts is not None:
            self.add_font("DejaVu", "", str(fonts[0]))
            self.add_font("DejaVu", "B", str(fonts[1]))
            self.family = "DejaVu"
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.alias_nb_pages("{nb}")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        text = self._t("Page %1 of %2").replace("%1", str(self.page_no())).replace("%2", "{nb}")
        self.cell(0, 6, self.safe(text), align="C")

    def safe(self, text: str) -> str:
        """Helvetica (no DejaVu on this server) writes Latin-1 only: anything else becomes '?'."""
        if self.family == "DejaVu":
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, 7, self.safe(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)

    def para(self, text: str, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", 10)
        self.multi_cell(0, 5.5, self.safe(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)

    def rows(
        self, header: tuple[str, ...] | None, rows: Iterable[tuple[str, ...]], widths: tuple[int, ...]
    ) -> None:
        self.set_font(self.family, "", 9)
        with self.table(
            col_widths=widths, text_align="LEFT", first_row_as_headings=header is not None
        ) as table:
            for values in ([header] if header else []) + list(rows):
                row = table.row()
                for value in values:
                    row.cell(self.safe(value))
        self.set_font(self.family, "", 10)


def _action_words(action: str, t: Any) -> str:
    name = action.lower()
    for needle, words in (
        ("subject_access", "exported"),
        ("export", "exported"),
        ("search", "found in a search"),
        ("view", "viewed"),
        ("erase", "erasure"),
        ("restrict", "Restriction and review"),
        ("duplicate", "checked for duplicates"),
        ("review", "reviewed"),
        ("approve", "reviewed"),
        ("print", "printed"),
        ("receipt", "printed"),
        ("save", "saved or changed"),
        ("creat", "saved or changed"),
        ("edit", "saved or changed"),
        ("correct", "saved or changed"),
    ):
        if needle in name:
            return f"{t(words)} ({action})"
    return action


def _answer_text(labels: FormLabels | None, name: str, value: Any) -> tuple[str, str]:
    if labels is None:
        return name, str(value)
    question = labels.question(name)
    if question is None:
        return name, str(value)
    shown = layout({name: value}, labels)
    if shown and shown[0].answers:
        answer = shown[0].answers[0]
        return answer.label, answer.value
    return labels.label(name), str(value)


def _changes(before: dict[str, Any], after: dict[str, Any], labels: FormLabels | None, t: Any) -> list[str]:
    lines = []
    for name in sorted(set(before) | set(after)):
        if name in HIDDEN or before.get(name) == after.get(name):
            continue
        if name in after and after[name] not in (None, ""):
            label, value = _answer_text(labels, name, after[name])
            lines.append(f"{label}: {value}")
        else:
            label, _value = _answer_text(labels, name, before[name])
            lines.append(f"{label}: ({t('removed')})")
    return lines


def render_pdf(document: dict[str, Any], labels: FormLabels | None, language: str) -> bytes:
    """The PDF bytes of a subject access document (as returned by access.subject_access)."""
    own = WORDS.get(language, {})

    def t(text: str) -> str:
        return own.get(text, text)

    pdf = _Document(t)
    pdf.set_title(t("What the registry holds about you"))
    pdf.add_page()
    pdf.heading(t("What the registry holds about you"), 16)
    device = document.get("created_by_device") or {}
    facts = [
        (t("Record"), str(document.get("record_id", ""))),
        (t("Form"), str(labels.title if labels else document.get("form_id", ""))),
        (
            t("First received"),
            f"{_when(document.get('first_received_at'))}, {t('device')} "
            f"{device.get('label') or device.get('device_id') or ''}",
        ),
        (
            t("Written on"),
            f"{_when(document.get('exported_at'))} {t('by')} {document.get('exported_by', '')}",
        ),
    ]
    pdf.rows(None, facts, (35, 135))
    pdf.ln(2)
    pdf.para(
        t(
            "This document lists everything the registry's server holds about your registration: your "
            "answers now, every earlier version, the checks for duplicates and every time someone looked at "
            "your record. You may ask for a correction or for the erasure of your record at any time."
        )
    )

    pdf.heading(t("Your answers now"))
    answers = document.get("current_answers") or {}
    sections = layout(answers, labels) if labels is not None else []
    shown_any = False
    for section in sections:
        if section.title:
            pdf.para(section.title, bold=True)
        pdf.rows((t("Question"), t("Answer")), [(a.label, a.value) for a in section.answers], (70, 100))
        shown_any = True
    if labels is None:
        visible = [(name, str(value)) for name, value in sorted(answers.items()) if name not in HIDDEN]
        if visible:
            pdf.rows((t("Question"), t("Answer")), visible, (70, 100))
            shown_any = True
    if not shown_any:
        pdf.para(t("No answer is held."))

    pdf.heading(t("Every version of your record"))
    previous: dict[str, Any] | None = None
    for number, version in enumerate(document.get("versions") or [], start=1):
        device = version.get("device") or {}
        parts = [
            f"{t('made on the laptop')} {_when(version.get('made_on_laptop_at'))}",
            f"{t('received by the server')} {_when(version.get('received_at'))}",
            f"{t('device')} {device.get('label') or device.get('device_id') or ''}",
        ]
        for key, word in (("laptop", "laptop"), ("operator", "operator"), ("place_or_event", "place")):
            if version.get(key):
                parts.append(f"{t(word)} {version[key]}")
        parts.append(f"{t('batch')} {(version.get('batch') or {}).get('batch_id', '')}")
        pdf.para(t("Version %1").replace("%1", str(number)), bold=True)
        pdf.para("; ".join(parts))
        current = version.get("answers") or {}
        if version.get("erased_marker"):
            pdf.para(t("A marker of erasure."))
        elif previous is None:
            pdf.para(t("First registration."))
        else:
            changed = _changes(previous, current, labels, t)
            pdf.para(
                t("Changed: %1").replace("%1", "; ".join(changed))
                if changed
                else t("No change to the answers.")
            )
        previous = current
    if document.get("conflicts"):
        pdf.para(t("Conflicting versions"), bold=True)
        for conflict in document["conflicts"]:
            pdf.para(f"{_when(conflict.get('received_at'))}: {conflict.get('reason', '')}")

    pdf.heading(t("Restriction and review"))
    restricted = document.get("restricted")
    if restricted:
        pdf.para(
            t("Your record is restricted since %1: it is kept but shown to no one.").replace(
                "%1", _when(restricted.get("since"))
            )
        )
    else:
        pdf.para(t("Your record is not restricted."))
    review = document.get("review")
    if review:
        pdf.para(
            f"{t('Review')}: {review.get('status', '')} "
            f"({review.get('decided_by') or ''} {_when(review.get('decided_at'))})"
        )

    pdf.heading(t("Checks for duplicates"))
    duplicates = document.get("duplicates") or {}
    pairs = duplicates.get("pairs") or []
    if not pairs:
        pdf.para(t("No other record was compared with yours."))
    for pair in pairs:
        pdf.para(
            f"{t('Compared with record %1').replace('%1', str(pair.get('other_record', '')))}: "
            f"{t('score')} {pair.get('score')}, {t('decision')} {pair.get('status', '')}"
            + (
                f" ({pair.get('decided_by')} {_when(pair.get('decided_at'))})"
                if pair.get("decided_by")
                else ""
            )
        )

    pdf.heading(t("Who accessed your record"))
    accesses = document.get("accesses") or {}
    for title, entries, who in (
        (t("On the registry"), accesses.get("registry") or [], lambda e: str(e.get("by") or "")),
        (
            t("On the laptops"),
            accesses.get("laptops") or [],
            lambda e: f"{e.get('operator') or ''} ({e.get('device_id') or ''})",
        ),
    ):
        pdf.para(title, bold=True)
        if not entries:
            pdf.para(t("None."))
            continue
        pdf.rows(
            (t("When"), t("Who"), t("What")),
            [(_when(e.get("at")), who(e), _action_words(str(e.get("action") or ""), t)) for e in entries],
            (38, 62, 70),
        )
    return bytes(pdf.output())


def write_pdf(out: Path, content: bytes) -> None:
    """The file is 0600, like the JSON export: it is the person's data."""
    descriptor = os.open(out.expanduser(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
