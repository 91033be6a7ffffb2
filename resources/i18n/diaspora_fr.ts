<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>HomePage</name>
        <message>
            <source>Start</source>
            <translation>Accueil</translation>
        </message>
        <message>
            <source>Welcome, %1</source>
            <translation>Bienvenue, %1</translation>
        </message>
        <message>
            <source>Lock now (Ctrl+L)</source>
            <translation>Verrouiller maintenant (Ctrl+L)</translation>
        </message>
        <message>
        <source>Today, %1</source>
        <translation>Aujourd'hui, %1</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) today</source>
        <translation><numerusform>%n enregistrement aujourd'hui</numerusform><numerusform>%n enregistrements aujourd'hui</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished draft(s)</source>
        <translation><numerusform>%n brouillon inachevé</numerusform><numerusform>%n brouillons inachevés</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n sent back, not corrected yet</source>
        <translation><numerusform>%n renvoyée, pas encore corrigée</numerusform><numerusform>%n renvoyées, pas encore corrigées</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation><numerusform>%n fiche en attente d'envoi</numerusform><numerusform>%n fiches en attente d'envoi</numerusform></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernier envoi : %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais envoyé</translation>
    </message>
    <message>
        <source>Investing</source>
        <translation>Investir</translation>
    </message>
    <message>
        <source>Skills transfer, return</source>
        <translation>Transfert de compétences, retour</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>The chart was saved to %1.</source>
        <translation>Le graphique a été enregistré dans %1.</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>Le graphique n'a pas pu être enregistré dans %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Registered today, per &amp;clerk</source>
        <translation>Enregistrés aujourd'hui, par &amp;agent</translation>
    </message>
    <message>
        <source>Registered today, per &amp;batch</source>
        <translation>Enregistrés aujourd'hui, par &amp;lot</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Country of residence</source>
        <translation>Pays de résidence</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Main skills sector</source>
        <translation>Principal secteur de compétences</translation>
    </message>
    <message>
        <source>Sectors of interest for investing</source>
        <translation>Secteurs d'intérêt pour investir</translation>
    </message>
    <message>
        <source>Investment and return interest</source>
        <translation>Intérêt pour l'investissement et le retour</translation>
    </message>
    <message>
        <source>No registration yet.</source>
        <translation>Aucun enregistrement pour l'instant.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <source>Save as PNG: %1</source>
        <translation>Enregistrer en PNG : %1</translation>
    </message>
    <message>
        <source>Return, skills</source>
        <translation>Retour, compétences</translation>
    </message>
</context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to Diaspora Desk</source>
            <translation>Bienvenue dans Diaspora Desk</translation>
        </message>
        <message>
            <source>This computer has no Diaspora Desk store yet. Let us set one up.</source>
            <translation>Cet ordinateur n'a pas encore de base Diaspora Desk. Créons-la ensemble.</translation>
        </message>
        <message>
            <source>Choose the language of the interface. You can change it later from the Language menu.</source>
            <translation>Choisissez la langue de l'interface. Vous pourrez la changer plus tard dans le menu Langue.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>lock now</source>
            <translation>verrouiller maintenant</translation>
        </message>
        <message>
            <source>send the records to the server now</source>
            <translation>envoyer les fiches au serveur maintenant</translation>
        </message>
        <message>
            <source>import registrations from a spreadsheet</source>
            <translation>importer des enregistrements depuis un tableur</translation>
        </message>
        <message>
            <source>export records to Excel or CSV (supervisors)</source>
            <translation>exporter les fiches vers Excel ou CSV (superviseurs)</translation>
        </message>
        <message>
            <source>go to a page</source>
            <translation>aller à une page</translation>
        </message>
        <message>
            <source>Tab / Shift+Tab</source>
            <translation>Tab / Maj+Tab</translation>
        </message>
        <message>
            <source>next / previous field</source>
            <translation>champ suivant / précédent</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>confirm, or go to the next step</source>
            <translation>valider, ou passer à l'étape suivante</translation>
        </message>
        <message>
            <source>this list</source>
            <translation>cette liste</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>quitter</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>About Diaspora Desk</source>
            <translation>À propos de Diaspora Desk</translation>
        </message>
        <message>
            <source>Diaspora Desk registers members of the diaspora at consulates and outreach events. Everything is stored encrypted on this computer until it is sent to the central server.</source>
            <translation>Diaspora Desk enregistre les membres de la diaspora dans les consulats et lors des événements de proximité. Tout est conservé chiffré sur cet ordinateur jusqu'à son envoi au serveur central.</translation>
        </message>
        <message>
            <source>Sending records: %1 of %2</source>
            <translation>Envoi des fiches : %1 sur %2</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>superviseur</translation>
        </message>
        <message>
            <source>clerk</source>
            <translation>agent</translation>
        </message>
        <message>
            <source>Operator: %1 (%2)</source>
            <translation>Opérateur : %1 (%2)</translation>
        </message>
        <message>
            <source>Batch: %1</source>
            <translation>Lot : %1</translation>
        </message>
        <message>
            <source>No open batch</source>
            <translation>Aucun lot ouvert</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) waiting to sync</source>
            <translation>
                <numerusform>%n fiche en attente d'envoi</numerusform>
                <numerusform>%n fiches en attente d'envoi</numerusform>
            </translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation>Jamais synchronisé</translation>
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation>Dernière synchronisation : %1</translation>
        </message>
        <message>
            <source>Diaspora Desk</source>
            <translation>Diaspora Desk</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation>&amp;Verrouiller maintenant</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Synchroniser maintenant</translation>
        </message>
        <message>
            <source>&amp;Import registrations...</source>
            <translation>&amp;Importer des enregistrements...</translation>
        </message>
        <message>
            <source>&amp;Export...</source>
            <translation>&amp;Exporter...</translation>
        </message>
        <message>
            <source>&amp;Auto-lock after</source>
            <translation>Verrouillage &amp;automatique après</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Aller à</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About Diaspora Desk</source>
            <translation>À &amp;propos de Diaspora Desk</translation>
        </message>
        <message>
        <source>save the registration</source>
        <translation>valider la fiche</translation>
    </message>
    <message>
        <source>save it as a draft, to finish later</source>
        <translation>la garder comme brouillon, à finir plus tard</translation>
    </message>
    <message>
        <source>discard the draft on screen (after asking)</source>
        <translation>supprimer le brouillon affiché (après confirmation)</translation>
    </message>
    <message>
        <source>next person (an unfinished registration is kept as a draft)</source>
        <translation>personne suivante (une fiche inachevée est gardée comme brouillon)</translation>
    </message>
    <message>
        <source>scan a passport's two machine-readable lines</source>
        <translation>scanner les deux lignes lisibles par machine d'un passeport</translation>
    </message>
    <message>
        <source>the person's receipt, after saving</source>
        <translation>le récépissé de la personne, après validation</translation>
    </message>
    <message>
        <source>sections of the form and their progress</source>
        <translation>rubriques du formulaire et leur avancement</translation>
    </message>
    <message>
        <source>open, switch or close the batch being filled</source>
        <translation>ouvrir, changer ou fermer le lot en cours</translation>
    </message>
    <message>
        <source>next / previous section of the form</source>
        <translation>rubrique suivante / précédente du formulaire</translation>
    </message>
    <message>
        <source>confirm, or go to the next question</source>
        <translation>confirmer, ou passer à la question suivante</translation>
    </message>
</context>
    <context>
        <name>PassphraseRulesView</name>
        <message>
            <source>At least 12 characters (a few words make a good one)</source>
            <translation>Au moins 12 caractères (quelques mots en font une bonne)</translation>
        </message>
        <message>
            <source>Not a common or repetitive passphrase</source>
            <translation>Pas une phrase secrète courante ni répétitive</translation>
        </message>
        <message>
            <source>Both entries are the same</source>
            <translation>Les deux saisies sont identiques</translation>
        </message>
        <message>
            <source>Rules for the passphrase:</source>
            <translation>Règles pour la phrase secrète :</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>The recovery code is wrong. Check it against the paper.</source>
            <translation>Le code de récupération est erroné. Vérifiez-le sur le papier.</translation>
        </message>
        <message>
            <source>Use the recovery code</source>
            <translation>Utiliser le code de récupération</translation>
        </message>
        <message>
            <source>Type the recovery code from the paper kept in the office safe, and choose a new passphrase. The records are not changed. A name that is not an operator yet becomes a supervisor.</source>
            <translation>Saisissez le code de récupération noté sur le papier rangé dans le coffre du bureau, et choisissez une nouvelle phrase secrète. Les fiches ne sont pas modifiées. Un nom qui n'est pas encore opérateur devient superviseur.</translation>
        </message>
        <message>
            <source>Recovery &amp;code:</source>
            <translation>&amp;Code de récupération :</translation>
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation>&amp;Opérateur :</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;Nouvelle phrase secrète :</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Répétez-la :</translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>Récupérer l'accès</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>The recovery code</source>
            <translation>Le code de récupération</translation>
        </message>
        <message>
            <source>Write this code on paper now. It is shown only once.</source>
            <translation>Écrivez ce code sur papier maintenant. Il n'est affiché qu'une seule fois.</translation>
        </message>
        <message>
            <source>If every passphrase is forgotten, this code is the only way back into the records. Keep the paper in the office safe, never on this computer.</source>
            <translation>Si toutes les phrases secrètes sont oubliées, ce code est le seul moyen de retrouver les fiches. Gardez le papier dans le coffre du bureau, jamais sur cet ordinateur.</translation>
        </message>
        <message>
            <source>I have &amp;written the recovery code down and will keep it safe</source>
            <translation>J'ai &amp;noté le code de récupération et je le garderai en lieu sûr</translation>
        </message>
    </context>
    <context>
        <name>ServerPage</name>
        <message>
            <source>Fill in both the server address and the code, or leave both empty.</source>
            <translation>Remplissez l'adresse du serveur et le code, ou laissez les deux vides.</translation>
        </message>
        <message>
            <source>Contacting the server...</source>
            <translation>Connexion au serveur...</translation>
        </message>
        <message>
            <source>The central server (optional)</source>
            <translation>Le serveur central (facultatif)</translation>
        </message>
        <message>
            <source>Records are sent to the server whenever this computer is online.</source>
            <translation>Les fiches sont envoyées au serveur dès que cet ordinateur est en ligne.</translation>
        </message>
        <message>
            <source>Your IT officer enrols this computer with the central server. Registering works without it: records wait safely on this computer. Press Finish.</source>
            <translation>Votre responsable informatique inscrit cet ordinateur auprès du serveur central. L'enregistrement fonctionne sans lui : les fiches attendent en sécurité sur cet ordinateur. Appuyez sur Terminer.</translation>
        </message>
        <message>
            <source>Type the server address and the one-time code from your IT officer, or leave both empty and press Finish to do it later.</source>
            <translation>Saisissez l'adresse du serveur et le code à usage unique donnés par votre responsable informatique, ou laissez les deux vides et appuyez sur Terminer pour le faire plus tard.</translation>
        </message>
        <message>
            <source>Server &amp;address:</source>
            <translation>&amp;Adresse du serveur :</translation>
        </message>
        <message>
            <source>One-time &amp;code:</source>
            <translation>&amp;Code à usage unique :</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Diaspora Desk: first start</source>
            <translation>Diaspora Desk : premier démarrage</translation>
        </message>
    </context>
    <context>
        <name>SpreadsheetDialogsController</name>
        <message>
            <source>Form not available</source>
            <translation>Formulaire indisponible</translation>
        </message>
        <message>
            <source>The registration form could not be loaded; reinstall Diaspora Desk.</source>
            <translation>Le formulaire d'enregistrement n'a pas pu être chargé ; réinstallez Diaspora Desk.</translation>
        </message>
    </context>
    <context>
        <name>SupervisorPage</name>
        <message>
            <source>Creating the encrypted store. This takes a few seconds...</source>
            <translation>Création de la base chiffrée. Cela prend quelques secondes...</translation>
        </message>
        <message>
            <source>The first supervisor</source>
            <translation>Le premier superviseur</translation>
        </message>
        <message>
            <source>The supervisor manages the clerks' accounts. Everyone gets their own account later.</source>
            <translation>Le superviseur gère les comptes des agents. Chacun aura ensuite son propre compte.</translation>
        </message>
        <message>
            <source>N&amp;ame:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Phrase &amp;secrète :</translation>
        </message>
        <message>
            <source>&amp;Repeat passphrase:</source>
            <translation>&amp;Répétez la phrase secrète :</translation>
        </message>
        <message>
            <source>&amp;Show the passphrase</source>
            <translation>&amp;Afficher la phrase secrète</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Créer</translation>
        </message>
    </context>
    <context>
        <name>UnlockMessages</name>
        <message numerus="yes">
            <source>Wait %n minute(s) before trying again.</source>
            <translation>
                <numerusform>Attendez %n minute avant de réessayer.</numerusform>
                <numerusform>Attendez %n minutes avant de réessayer.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wait %n second(s) before trying again.</source>
            <translation>
                <numerusform>Attendez %n seconde avant de réessayer.</numerusform>
                <numerusform>Attendez %n secondes avant de réessayer.</numerusform>
            </translation>
        </message>
        <message>
            <source>This account is locked after too many wrong passphrases. A supervisor can reset it, or use the recovery code.</source>
            <translation>Ce compte est bloqué après trop de phrases secrètes erronées. Un superviseur peut le débloquer, ou utilisez le code de récupération.</translation>
        </message>
        <message>
            <source>The passphrase is wrong.</source>
            <translation>La phrase secrète est erronée.</translation>
        </message>
        <message>
            <source>This passphrase is too easy to guess. Choose a longer one, for example four unrelated words.</source>
            <translation>Cette phrase secrète est trop facile à deviner. Choisissez-en une plus longue, par exemple quatre mots sans rapport entre eux.</translation>
        </message>
        <message>
            <source>There is no operator with this name on this computer.</source>
            <translation>Il n'y a pas d'opérateur de ce nom sur cet ordinateur.</translation>
        </message>
        <message>
            <source>There is no Diaspora Desk store in this folder.</source>
            <translation>Ce dossier ne contient pas de base Diaspora Desk.</translation>
        </message>
        <message>
            <source>The key file of this account is damaged. Use the recovery code to get back in.</source>
            <translation>Le fichier de clé de ce compte est endommagé. Utilisez le code de récupération pour y accéder.</translation>
        </message>
        <message>
            <source>This store was made by a newer Diaspora Desk. Install the newer version.</source>
            <translation>Cette base a été créée par une version plus récente de Diaspora Desk. Installez cette version.</translation>
        </message>
        <message>
            <source>The data folder cannot be used (%1). Check the disk and its permissions.</source>
            <translation>Le dossier des données est inutilisable (%1). Vérifiez le disque et ses droits d'accès.</translation>
        </message>
        <message>
            <source>Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.</source>
            <translation>Un problème est survenu dans Diaspora Desk ; rien de ce qui était enregistré n'est perdu. Veuillez réessayer.</translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message>
            <source>Diaspora Desk: warning</source>
            <translation>Diaspora Desk : avertissement</translation>
        </message>
        <message>
            <source>Twelve hours have passed since you unlocked: type your passphrase again.</source>
            <translation>Douze heures se sont écoulées depuis le déverrouillage : saisissez de nouveau votre phrase secrète.</translation>
        </message>
        <message>
            <source>Locked after some minutes without use.</source>
            <translation>Verrouillé après quelques minutes sans activité.</translation>
        </message>
        <message>
            <source>Checking the passphrase...</source>
            <translation>Vérification de la phrase secrète...</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Vous pouvez réessayer maintenant.</translation>
        </message>
        <message>
            <source>Diaspora Desk: unlock</source>
            <translation>Diaspora Desk : déverrouillage</translation>
        </message>
        <message>
            <source>Unlock Diaspora Desk</source>
            <translation>Déverrouiller Diaspora Desk</translation>
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation>&amp;Opérateur :</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Phrase &amp;secrète :</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Déverrouiller</translation>
        </message>
        <message>
            <source>Forgot the passphrase? Use the recovery &amp;code...</source>
            <translation>Phrase secrète oubliée ? Utiliser le &amp;code de récupération...</translation>
        </message>
    </context>
<context>
    <name>SyncController</name>
    <message>
        <source>This laptop is not enrolled with a server; enrol it first.</source>
        <translation>Cet ordinateur n'est inscrit auprès d'aucun serveur ; inscrivez-le d'abord.</translation>
    </message>
    <message>
        <source>This laptop's sync keys were erased because the server marked it lost or revoked.</source>
        <translation>Les clés d'envoi de cet ordinateur ont été effacées : le serveur l'a déclaré perdu ou révoqué.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n'a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server's answer was cut off.</source>
        <translation>La réponse du serveur a été coupée.</translation>
    </message>
    <message>
        <source>The server's answer was incomplete.</source>
        <translation>La réponse du serveur était incomplète.</translation>
    </message>
    <message>
        <source>The server is busy and asked to wait (429).</source>
        <translation>Le serveur est occupé et demande d'attendre (429).</translation>
    </message>
    <message>
        <source>Sync stopped because of an internal error; it will try again.</source>
        <translation>L'envoi s'est arrêté à cause d'une erreur interne ; il réessaiera.</translation>
    </message>
</context>
</TS>
