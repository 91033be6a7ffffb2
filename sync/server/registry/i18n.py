"""The registry's words in English, French and Portuguese (the language is chosen per account).

A plain catalogue: English text -> translation. A text missing from a catalogue shows in English;
tests/sync/registry/test_i18n.py checks that every text the templates and views use has both.
Questions and choices come from the form itself, in the form's own translations.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]

FR: dict[str, str] = {
    # The sealed files page (sealed_pages.py, templates/sealed_import.html)
    "Sealed files": "Fichiers scellés",
    (
        "A supervisor exports a laptop's waiting records to a sealed file where there is "
        "no network (diaspora-desk export-sealed). Import it here: it is verified and "
        "decrypted, and each record is stored once, even if the file is imported again or"
        " its records also came by sync."
    ): (
        "Un superviseur exporte les enregistrements en attente d'un ordinateur dans un "
        "fichier scellé là où il n'y a pas de réseau (diaspora-desk export-sealed). "
        "Importez-le ici : il est vérifié et déchiffré, et chaque enregistrement n'est "
        "conservé qu'une fois, même si le fichier est importé à nouveau ou si ses "
        "enregistrements sont aussi arrivés par synchronisation."
    ),
    "Nothing from this file was stored.": "Rien de ce fichier n'a été conservé.",
    "Imported": "Importé",
    "{n} records from the laptop": "{n} enregistrements de l'ordinateur",
    "Status": "Statut",
    "Records": "Enregistrements",
    "Batches": "Lots",
    ("{n} of them were already here (imported before or received by sync): nothing was added twice."): (
        "{n} d'entre eux étaient déjà là (importés avant ou reçus par synchronisation) : "
        "rien n'a été ajouté deux fois."
    ),
    (
        "The laptop marks its records sent when it imports the receipt (diaspora-desk "
        "import-receipt). Send the same file with “Import and download the receipt” to "
        "get it; nothing is added twice."
    ): (
        "L'ordinateur marque ses enregistrements comme envoyés quand il importe le reçu "
        "(diaspora-desk import-receipt). Envoyez le même fichier avec « Importer et "
        "télécharger le reçu » pour l'obtenir ; rien n'est ajouté deux fois."
    ),
    "Sealed file": "Fichier scellé",
    "Import": "Importer",
    "Import and download the receipt": "Importer et télécharger le reçu",
    "Choose a sealed file to import.": "Choisissez un fichier scellé à importer.",
    "accepted": "accepté",
    "duplicate": "déjà reçu",
    "conflict": "conflit",
    "rejected": "refusé",
    "Account": "Compte",
    "All": "Tous",
    "Apply": "Appliquer",
    "Audit log": "Journal d'audit",
    "Authenticator code (admins who set one up)": "Code de l'authentificateur (admins qui l'ont activé)",
    "Back to the dashboard": "Retour au tableau de bord",
    "Batch": "Lot",
    "Cities per country": "Villes par pays",
    "Cities": "Villes",
    "City": "Ville",
    "Clear": "Effacer",
    "Count": "Nombre",
    "Countries of residence": "Pays de résidence",
    "Country of residence": "Pays de résidence",
    "Country": "Pays",
    "Counts from 1 to 4 are shown as <5 so that no one can be singled out.": (
        "Les effectifs de 1 à 4 sont affichés « <5 » pour que personne ne puisse être identifié."
    ),
    "Dashboard": "Tableau de bord",
    "Details": "Détails",
    "Device": "Appareil",
    "Diaspora registry": "Registre de la diaspora",
    "Download": "Télécharger",
    "Form": "Formulaire",
    "From": "Du",
    "Highest education": "Niveau d'études le plus élevé",
    "Interested in investing at home": "Intéressé(e) par un investissement au pays",
    "Interested in mentoring": "Intéressé(e) par le mentorat",
    "Interested in skills transfer or a temporary return": (
        "Intéressé(e) par un transfert de compétences ou un retour temporaire"
    ),
    "Interested in": "Intéressé(e) par",
    "Language of the pages": "Langue des pages",
    "Language": "Langue",
    "Log in": "Se connecter",
    "Log out": "Se déconnecter",
    "Made on the device": "Saisi sur l'appareil",
    "Main skills sector": "Principal secteur de compétences",
    "Name": "Nom",
    "Name, document number, phone or email": "Nom, numéro de document, téléphone ou e-mail",
    "Next": "Suivant",
    "No registrations yet.": "Aucune inscription pour l'instant.",
    "Nobody matches.": "Personne ne correspond.",
    "Not for your role": "Pas pour votre rôle",
    "Not found": "Introuvable",
    "Occupation": "Activité",
    "Older": "Plus anciennes",
    "On": "Sur",
    "Operator": "Opérateur",
    "Over time by": "Dans le temps par",
    "Password": "Mot de passe",
    "People": "Personnes",
    "Personal data: every view, search and export is recorded in the audit log.": (
        "Données personnelles : chaque consultation, recherche et exportation "
        "est inscrite au journal d'audit."
    ),
    "Place or event": "Lieu ou événement",
    "Previous": "Précédent",
    "Received": "Reçu",
    "Record": "Fiche",
    "Refused": "Refusé",
    "Registered": "Inscrit(e) le",
    "Registrations by device": "Inscriptions par appareil",
    "Registrations over time": "Inscriptions dans le temps",
    "Save": "Enregistrer",
    "Search": "Rechercher",
    "Sector to invest in": "Secteur d'investissement",
    "Sectors to invest in": "Secteurs d'investissement",
    "Sex": "Sexe",
    "The authenticator code is wrong or missing.": "Le code de l'authentificateur est faux ou manquant.",
    "The chain is broken:": "La chaîne est rompue :",
    "The chain is intact.": "La chaîne est intacte.",
    "The form expired; please log in again.": "Le formulaire a expiré ; reconnectez-vous.",
    "The form was not sent from this registry's page (its anti-forgery token is missing). "
    "Reload the page and try again.": (
        "Le formulaire ne vient pas d'une page de ce registre (son jeton anti-falsification manque). "
        "Rechargez la page et réessayez."
    ),
    "There is no person with that record id (or the record was erased).": (
        "Aucune personne n'a cet identifiant de fiche (ou la fiche a été effacée)."
    ),
    "There is no such chart.": "Ce graphique n'existe pas.",
    "This server cannot draw PNG images (the cairo library is missing); use SVG.": (
        "Ce serveur ne peut pas dessiner d'images PNG (la bibliothèque cairo manque) ; utilisez SVG."
    ),
    "This account is disabled.": "Ce compte est désactivé.",
    "This account is locked after 10 wrong passwords; an admin must set a new password.": (
        "Ce compte est bloqué après 10 mots de passe erronés ; un admin doit définir un nouveau mot de passe."
    ),
    "To": "Au",
    "Too many failed logins from this address: wait {n} seconds.": (
        "Trop de connexions échouées depuis cette adresse : attendez {n} secondes."
    ),
    "Too many wrong passwords: wait {n} seconds before the next try.": (
        "Trop de mots de passe erronés : attendez {n} secondes avant le prochain essai."
    ),
    "Type a name, a document number, a phone or an email, or choose a filter (a skills sector lists "
    "the professionals of that sector).": (
        "Saisissez un nom, un numéro de document, un téléphone ou un e-mail, ou choisissez un filtre "
        "(un secteur de compétences liste les professionnels de ce secteur)."
    ),
    "Username": "Nom d'utilisateur",
    "Value": "Valeur",
    "Version history": "Historique des versions",
    "Subject access export (JSON)": "Export du droit d'accès (JSON)",
    "For the person (PDF)": "Pour la personne (PDF)",
    "Correct this person's answers": "Corriger les réponses de cette personne",
    "Erase this person": "Effacer cette personne",
    "What": "Quoi",
    "When (UTC)": "Quand (UTC)",
    "Where the diaspora lives": "Où vit la diaspora",
    "Who": "Qui",
    "Wrong username or password. Wait {n} seconds before the next try.": (
        "Nom d'utilisateur ou mot de passe erroné. Attendez {n} secondes avant le prochain essai."
    ),
    "Wrong username or password.": "Nom d'utilisateur ou mot de passe erroné.",
    "Your role does not open this page. An admin can change roles.": (
        "Votre rôle n'ouvre pas cette page. Un admin peut changer les rôles."
    ),
    "admin": "admin",
    "analyst": "analyste",
    "countries of residence": "pays de résidence",
    "current": "actuelle",
    "through the event hub": "par le point d'accueil",
    "devices": "appareils",
    "investing": "investir",
    "mentoring": "mentorat",
    "month": "mois",
    "registrar": "agent d'enregistrement",
    "registrations": "inscriptions",
    "skills transfer or return": "transfert de compétences ou retour",
    "version": "version",
    "week": "semaine",
    "{n} people found": "{n} personnes trouvées",
    # the adjudication pages (duplicates_pages.py)
    "Already decided": "Déjà tranché",
    "Differences are marked.": "Les différences sont signalées.",
    "Different": "Différent",
    "Different people": "Personnes différentes",
    "Duplicates": "Doublons",
    "First record": "Première fiche",
    "Found": "Détecté",
    "Linked as one person.": "Reliées comme une seule personne.",
    "Marked as different people.": "Marquées comme personnes différentes.",
    "No pair waits for a decision.": "Aucune paire n'attend de décision.",
    "Not decided": "Non tranché",
    "Pair": "Paire",
    "Records that may be one person, highest score first.": (
        "Fiches qui pourraient être une même personne, score le plus haut d'abord."
    ),
    "Pairs waiting": "Paires en attente",
    "Possible duplicates": "Doublons possibles",
    "Question": "Question",
    "Same person": "Même personne",
    "Score": "Score",
    "Second record": "Seconde fiche",
    "There is no such pair of possible duplicates.": "Cette paire de doublons possibles n'existe pas.",
    "Where they differ, choose the value to keep (default: the newest).": (
        "Là où elles diffèrent, choisissez la valeur gardée (par défaut : la plus récente)."
    ),
}

PT: dict[str, str] = {
    # The sealed files page (sealed_pages.py, templates/sealed_import.html)
    "Sealed files": "Ficheiros selados",
    (
        "A supervisor exports a laptop's waiting records to a sealed file where there is "
        "no network (diaspora-desk export-sealed). Import it here: it is verified and "
        "decrypted, and each record is stored once, even if the file is imported again or"
        " its records also came by sync."
    ): (
        "Um supervisor exporta os registos em espera de um portátil para um ficheiro "
        "selado onde não há rede (diaspora-desk export-sealed). Importe-o aqui: é "
        "verificado e decifrado, e cada registo é guardado uma só vez, mesmo que o "
        "ficheiro seja importado de novo ou os seus registos também tenham chegado por "
        "sincronização."
    ),
    "Nothing from this file was stored.": "Nada deste ficheiro foi guardado.",
    "Imported": "Importado",
    "{n} records from the laptop": "{n} registos do portátil",
    "Status": "Estado",
    "Records": "Registos",
    "Batches": "Lotes",
    ("{n} of them were already here (imported before or received by sync): nothing was added twice."): (
        "{n} deles já cá estavam (importados antes ou recebidos por sincronização): nada "
        "foi acrescentado duas vezes."
    ),
    (
        "The laptop marks its records sent when it imports the receipt (diaspora-desk "
        "import-receipt). Send the same file with “Import and download the receipt” to "
        "get it; nothing is added twice."
    ): (
        "O portátil marca os seus registos como enviados quando importa o recibo "
        "(diaspora-desk import-receipt). Envie o mesmo ficheiro com «Importar e "
        "descarregar o recibo» para o obter; nada é acrescentado duas vezes."
    ),
    "Sealed file": "Ficheiro selado",
    "Import": "Importar",
    "Import and download the receipt": "Importar e descarregar o recibo",
    "Choose a sealed file to import.": "Escolha um ficheiro selado para importar.",
    "accepted": "aceite",
    "duplicate": "já recebido",
    "conflict": "conflito",
    "rejected": "recusado",
    "Account": "Conta",
    "All": "Todos",
    "Apply": "Aplicar",
    "Audit log": "Registo de auditoria",
    "Authenticator code (admins who set one up)": "Código do autenticador (admins que o ativaram)",
    "Back to the dashboard": "Voltar ao painel",
    "Batch": "Lote",
    "Cities per country": "Cidades por país",
    "Cities": "Cidades",
    "City": "Cidade",
    "Clear": "Limpar",
    "Count": "Número",
    "Countries of residence": "Países de residência",
    "Country of residence": "País de residência",
    "Country": "País",
    "Counts from 1 to 4 are shown as <5 so that no one can be singled out.": (
        "Contagens de 1 a 4 aparecem como «<5» para que ninguém possa ser identificado."
    ),
    "Dashboard": "Painel",
    "Details": "Detalhes",
    "Device": "Dispositivo",
    "Diaspora registry": "Registo da diáspora",
    "Download": "Descarregar",
    "Form": "Formulário",
    "From": "De",
    "Highest education": "Escolaridade mais alta",
    "Interested in investing at home": "Interessado(a) em investir no país",
    "Interested in mentoring": "Interessado(a) em mentoria",
    "Interested in skills transfer or a temporary return": (
        "Interessado(a) em transferência de competências ou regresso temporário"
    ),
    "Interested in": "Interessado(a) em",
    "Language of the pages": "Língua das páginas",
    "Language": "Língua",
    "Log in": "Entrar",
    "Log out": "Sair",
    "Made on the device": "Feito no dispositivo",
    "Main skills sector": "Principal setor de competências",
    "Name": "Nome",
    "Name, document number, phone or email": "Nome, número de documento, telefone ou e-mail",
    "Next": "Seguinte",
    "No registrations yet.": "Ainda não há registos.",
    "Nobody matches.": "Ninguém corresponde.",
    "Not for your role": "Não para a sua função",
    "Not found": "Não encontrado",
    "Occupation": "Ocupação",
    "Older": "Mais antigas",
    "On": "Sobre",
    "Operator": "Operador",
    "Over time by": "Ao longo do tempo por",
    "Password": "Palavra-passe",
    "People": "Pessoas",
    "Personal data: every view, search and export is recorded in the audit log.": (
        "Dados pessoais: cada consulta, pesquisa e exportação fica no registo de auditoria."
    ),
    "Place or event": "Local ou evento",
    "Previous": "Anterior",
    "Received": "Recebido",
    "Record": "Ficha",
    "Refused": "Recusado",
    "Registered": "Registado(a) em",
    "Registrations by device": "Registos por dispositivo",
    "Registrations over time": "Registos ao longo do tempo",
    "Save": "Guardar",
    "Search": "Pesquisar",
    "Sector to invest in": "Setor para investir",
    "Sectors to invest in": "Setores para investir",
    "Sex": "Sexo",
    "The authenticator code is wrong or missing.": "O código do autenticador está errado ou em falta.",
    "The chain is broken:": "A cadeia está quebrada:",
    "The chain is intact.": "A cadeia está intacta.",
    "The form expired; please log in again.": "O formulário expirou; entre novamente.",
    "The form was not sent from this registry's page (its anti-forgery token is missing). "
    "Reload the page and try again.": (
        "O formulário não veio de uma página deste registo (falta o seu token anti-falsificação). "
        "Recarregue a página e tente de novo."
    ),
    "There is no person with that record id (or the record was erased).": (
        "Nenhuma pessoa tem esse identificador de ficha (ou a ficha foi apagada)."
    ),
    "There is no such chart.": "Esse gráfico não existe.",
    "This server cannot draw PNG images (the cairo library is missing); use SVG.": (
        "Este servidor não consegue desenhar imagens PNG (falta a biblioteca cairo); use SVG."
    ),
    "This account is disabled.": "Esta conta está desativada.",
    "This account is locked after 10 wrong passwords; an admin must set a new password.": (
        "Esta conta está bloqueada após 10 palavras-passe erradas; um admin tem de definir uma nova."
    ),
    "To": "Até",
    "Too many failed logins from this address: wait {n} seconds.": (
        "Demasiados inícios de sessão falhados a partir deste endereço: espere {n} segundos."
    ),
    "Too many wrong passwords: wait {n} seconds before the next try.": (
        "Demasiadas palavras-passe erradas: espere {n} segundos antes da próxima tentativa."
    ),
    "Type a name, a document number, a phone or an email, or choose a filter (a skills sector lists "
    "the professionals of that sector).": (
        "Escreva um nome, um número de documento, um telefone ou um e-mail, ou escolha um filtro "
        "(um setor de competências lista os profissionais desse setor)."
    ),
    "Username": "Nome de utilizador",
    "Value": "Valor",
    "Version history": "Histórico de versões",
    "Subject access export (JSON)": "Exportação do direito de acesso (JSON)",
    "For the person (PDF)": "Para a pessoa (PDF)",
    "Correct this person's answers": "Corrigir as respostas desta pessoa",
    "Erase this person": "Apagar esta pessoa",
    "What": "O quê",
    "When (UTC)": "Quando (UTC)",
    "Where the diaspora lives": "Onde vive a diáspora",
    "Who": "Quem",
    "Wrong username or password. Wait {n} seconds before the next try.": (
        "Nome de utilizador ou palavra-passe errados. Espere {n} segundos antes da próxima tentativa."
    ),
    "Wrong username or password.": "Nome de utilizador ou palavra-passe errados.",
    "Your role does not open this page. An admin can change roles.": (
        "A sua função não abre esta página. Um admin pode mudar as funções."
    ),
    "admin": "admin",
    "analyst": "analista",
    "countries of residence": "países de residência",
    "current": "atual",
    "through the event hub": "através do ponto de acolhimento",
    "devices": "dispositivos",
    "investing": "investir",
    "mentoring": "mentoria",
    "month": "mês",
    "registrar": "agente de registo",
    "registrations": "registos",
    "skills transfer or return": "transferência de competências ou regresso",
    "version": "versão",
    "week": "semana",
    "{n} people found": "{n} pessoas encontradas",
    # the adjudication pages (duplicates_pages.py)
    "Already decided": "Já decidido",
    "Differences are marked.": "As diferenças estão assinaladas.",
    "Different": "Diferente",
    "Different people": "Pessoas diferentes",
    "Duplicates": "Duplicados",
    "First record": "Primeiro registo",
    "Found": "Detetado",
    "Linked as one person.": "Ligados como uma só pessoa.",
    "Marked as different people.": "Marcados como pessoas diferentes.",
    "No pair waits for a decision.": "Nenhum par aguarda decisão.",
    "Not decided": "Não decidido",
    "Pair": "Par",
    "Records that may be one person, highest score first.": (
        "Registos que podem ser uma só pessoa, pontuação mais alta primeiro."
    ),
    "Pairs waiting": "Pares em espera",
    "Possible duplicates": "Possíveis duplicados",
    "Question": "Pergunta",
    "Same person": "Mesma pessoa",
    "Score": "Pontuação",
    "Second record": "Segundo registo",
    "There is no such pair of possible duplicates.": "Esse par de possíveis duplicados não existe.",
    "Where they differ, choose the value to keep (default: the newest).": (
        "Onde diferem, escolha o valor a manter (por omissão: o mais recente)."
    ),
}

CATALOGUES = {"fr": FR, "pt": PT}


def translator(language: str) -> Translate:
    catalogue = CATALOGUES.get(language, {})

    def translate(text: str) -> str:
        return catalogue.get(text, text)

    return translate


def browser_language(header: str | None) -> str:
    """The first of en/fr/pt the browser's Accept-Language prefers (by q), else English.

    Used where no account is known yet (the login page); "fr-CA;q=0.8, pt-BR" gives "pt".
    """
    best, best_q = "en", 0.0
    for position, part in enumerate((header or "")[:500].split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        language = tag.strip().lower().split("-", 1)[0]
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        quality -= position * 1e-6  # equal weights: the order given decides
        if (language == "en" or language in CATALOGUES) and quality > best_q and quality > 0:
            best, best_q = language, quality
    return best
