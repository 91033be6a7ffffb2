"""The page's own words in English, French and Portuguese, and the engine's problem codes as sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LANGUAGES = ("en", "fr", "pt")

_FR: dict[str, str] = {
    "Register online": "S'inscrire en ligne",
    "Language": "Langue",
    "Fields marked * are required.": "Les champs marqués * sont obligatoires.",
    "Your e-mail address (for the confirmation code)": "Votre adresse e-mail (pour le code de confirmation)",
    "Send my registration": "Envoyer mon inscription",
    "Some answers need your attention; they are marked below.": "Certaines réponses demandent votre "
    "attention ; elles sont signalées ci-dessous.",
    "More questions apply to your answers: please look at them, then send again.": "D'autres questions "
    "s'appliquent à vos réponses : regardez-les, puis envoyez de nouveau.",
    "Leave this field empty": "Laissez ce champ vide",
    "This answer is required.": "Cette réponse est obligatoire.",
    "This answer is not accepted.": "Cette réponse n'est pas acceptée.",
    "Enter a whole number.": "Saisissez un nombre entier.",
    "Enter a number.": "Saisissez un nombre.",
    "Enter a date.": "Saisissez une date.",
    "Enter a date and time.": "Saisissez une date et une heure.",
    "Enter a time.": "Saisissez une heure.",
    "Choose one of the options.": "Choisissez une des options.",
    "The value is out of range.": "La valeur est hors limites.",
    "Enter an e-mail address such as name@example.org.": "Saisissez une adresse e-mail comme "
    "nom@exemple.org.",
    "Confirm your e-mail address": "Confirmez votre adresse e-mail",
    "If the address you gave can receive e-mail, a 6-digit code is on its way. Type it here.": "Si "
    "l'adresse indiquée peut recevoir des e-mails, un code à 6 chiffres est en route. Saisissez-le ici.",
    "Code": "Code",
    "Confirm": "Confirmer",
    "This code is not right, or it expired. Check the e-mail and try again.": "Ce code n'est pas le bon, "
    "ou il a expiré. Vérifiez l'e-mail et réessayez.",
    "Thank you: your registration is received": "Merci : votre inscription est reçue",
    "Your registration reference": "Votre référence d'inscription",
    "Keep this reference. A registrar will check your registration; it counts in the registry once "
    "accepted.": "Gardez cette référence. Un agent vérifiera votre inscription ; elle compte dans le "
    "registre une fois acceptée.",
    "Too many attempts from your connection. Please wait and try again later.": "Trop de tentatives "
    "depuis votre connexion. Patientez et réessayez plus tard.",
    "The page expired. Please send the form again.": "La page a expiré. Veuillez renvoyer le formulaire.",
    "This form is not open for online registration.": "Ce formulaire n'est pas ouvert à l'inscription "
    "en ligne.",
    "Online registration is not available on this server.": "L'inscription en ligne n'est pas "
    "disponible sur ce serveur.",
    "The confirmation e-mail could not be sent. Nothing was kept; please try again later.": "L'e-mail de "
    "confirmation n'a pas pu être envoyé. Rien n'a été conservé ; réessayez plus tard.",
    "Only the first entry of a repeated section can be given here; a registrar can add more.": "Seule "
    "la première entrée d'une section répétée peut être saisie ici ; un agent pourra en ajouter.",
    "Your registration code": "Votre code d'inscription",
    "Your confirmation code is {code}. It is valid for {minutes} minutes. If you did not register, "
    "ignore this message.": "Votre code de confirmation est {code}. Il est valable {minutes} minutes. "
    "Si vous ne vous êtes pas inscrit, ignorez ce message.",
    "Unavailable": "Indisponible",
}
_PT: dict[str, str] = {
    "Register online": "Registar-se online",
    "Language": "Língua",
    "Fields marked * are required.": "Os campos marcados com * são obrigatórios.",
    "Your e-mail address (for the confirmation code)": "O seu endereço de e-mail (para o código de "
    "confirmação)",
    "Send my registration": "Enviar o meu registo",
    "Some answers need your attention; they are marked below.": "Algumas respostas precisam da sua "
    "atenção; estão assinaladas abaixo.",
    "More questions apply to your answers: please look at them, then send again.": "Há mais perguntas "
    "que se aplicam às suas respostas: veja-as e envie de novo.",
    "Leave this field empty": "Deixe este campo vazio",
    "This answer is required.": "Esta resposta é obrigatória.",
    "This answer is not accepted.": "Esta resposta não é aceite.",
    "Enter a whole number.": "Introduza um número inteiro.",
    "Enter a number.": "Introduza um número.",
    "Enter a date.": "Introduza uma data.",
    "Enter a date and time.": "Introduza uma data e uma hora.",
    "Enter a time.": "Introduza uma hora.",
    "Choose one of the options.": "Escolha uma das opções.",
    "The value is out of range.": "O valor está fora dos limites.",
    "Enter an e-mail address such as name@example.org.": "Introduza um endereço de e-mail como "
    "nome@exemplo.org.",
    "Confirm your e-mail address": "Confirme o seu endereço de e-mail",
    "If the address you gave can receive e-mail, a 6-digit code is on its way. Type it here.": "Se o "
    "endereço indicado puder receber e-mails, um código de 6 dígitos está a caminho. Introduza-o aqui.",
    "Code": "Código",
    "Confirm": "Confirmar",
    "This code is not right, or it expired. Check the e-mail and try again.": "Este código não está "
    "certo, ou expirou. Verifique o e-mail e tente de novo.",
    "Thank you: your registration is received": "Obrigado: o seu registo foi recebido",
    "Your registration reference": "A sua referência de registo",
    "Keep this reference. A registrar will check your registration; it counts in the registry once "
    "accepted.": "Guarde esta referência. Um registador vai verificar o seu registo; só conta no registo "
    "depois de aceite.",
    "Too many attempts from your connection. Please wait and try again later.": "Demasiadas tentativas "
    "a partir da sua ligação. Aguarde e tente mais tarde.",
    "The page expired. Please send the form again.": "A página expirou. Envie o formulário de novo.",
    "This form is not open for online registration.": "Este formulário não está aberto ao registo online.",
    "Online registration is not available on this server.": "O registo online não está disponível "
    "neste servidor.",
    "The confirmation e-mail could not be sent. Nothing was kept; please try again later.": "O e-mail "
    "de confirmação não pôde ser enviado. Nada foi guardado; tente mais tarde.",
    "Only the first entry of a repeated section can be given here; a registrar can add more.": "Aqui só "
    "se pode dar a primeira entrada de uma secção repetida; um registador pode acrescentar mais.",
    "Your registration code": "O seu código de registo",
    "Your confirmation code is {code}. It is valid for {minutes} minutes. If you did not register, "
    "ignore this message.": "O seu código de confirmação é {code}. É válido durante {minutes} minutos. "
    "Se não se registou, ignore esta mensagem.",
    "Unavailable": "Indisponível",
}
_CATALOGUE = {"fr": _FR, "pt": _PT}

_PROBLEMS = {
    "required": "This answer is required.",
    "constraint": "This answer is not accepted.",
    "type_integer": "Enter a whole number.",
    "type_decimal": "Enter a number.",
    "type_date": "Enter a date.",
    "type_datetime": "Enter a date and time.",
    "type_time": "Enter a time.",
    "not_a_choice": "Choose one of the options.",
    "out_of_range": "The value is out of range.",
}


def translator(language: str) -> Callable[[str], str]:
    words = _CATALOGUE.get(language, {})
    return lambda text: words.get(text, text)


def problem_sentence(code: str, params: dict[str, Any], t: Callable[[str], str]) -> str:
    """The engine's problem as one sentence; the form's own message (already in the page language) wins."""
    message = params.get("message")
    if isinstance(message, str) and message.strip():
        return message.strip()
    return t(_PROBLEMS.get(code, "This answer is not accepted."))


def choose_language(query: str | None, accept_language: str | None) -> str:
    """?lang= first, then the browser's Accept-Language (by weight), else English."""
    if query and query.lower()[:2] in LANGUAGES:
        return query.lower()[:2]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, rest = part.strip().partition(";")
        weight = 1.0
        if rest.strip().startswith("q="):
            try:
                weight = float(rest.strip()[2:])
            except ValueError:
                weight = 0.0
        code = tag.strip().lower()[:2]
        if code in LANGUAGES and weight > 0:
            ranked.append((-weight, position, code))
    return sorted(ranked)[0][2] if ranked else "en"
