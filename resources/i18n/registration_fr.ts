<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>AcknowledgeInput</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Open a batch</source>
            <translation>Ouvrir un lot</translation>
        </message>
        <message>
            <source>Event or consulate day:</source>
            <translation>Événement ou journée consulaire :</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Lieu :</translation>
        </message>
        <message>
            <source>Day (YYYY-MM-DD):</source>
            <translation>Jour (AAAA-MM-JJ) :</translation>
        </message>
        <message>
            <source>for example: Minneapolis community day</source>
            <translation>par exemple : journée communautaire de Minneapolis</translation>
        </message>
        <message>
            <source>Open batch</source>
            <translation>Ouvrir le lot</translation>
        </message>
        <message>
            <source>Give the batch a name, for example the event.</source>
            <translation>Donnez un nom au lot, par exemple l'événement.</translation>
        </message>
        <message>
            <source>Type the day as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Saisissez le jour sous la forme AAAA-MM-JJ ou JJ/MM/AAAA.</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Same document number</source>
            <translation>Même numéro de document</translation>
        </message>
        <message>
            <source>Same birth date, similar name (%1%)</source>
            <translation>Même date de naissance, nom proche (%1 %)</translation>
        </message>
        <message>
            <source>Already registered?</source>
            <translation>Déjà enregistré ?</translation>
        </message>
        <message>
            <source>The registry server knows no other registration of this person.</source>
            <translation>Le serveur du registre ne connaît aucun autre enregistrement de cette personne.</translation>
        </message>
        <message>
            <source>Server reference: %1</source>
            <translation>Référence du serveur : %1</translation>
        </message>
        <message>
            <source>Registry server: possible match registered at %1 on %2</source>
            <translation>Serveur du registre : correspondance possible enregistrée à %1 le %2</translation>
        </message>
        <message>
            <source>This person may already be registered on another desk. Continue if this is a different person, or cancel to check first.</source>
            <translation>Cette personne est peut-être déjà enregistrée sur un autre poste. Continuez s’il s’agit d’une autre personne, ou annulez pour vérifier d’abord.</translation>
        </message>
        <message>
            <source>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</source>
            <translation>Cette personne est peut-être déjà enregistrée. Ouvrez la fiche précédente pour la vérifier ou la mettre à jour, ou continuez s'il s'agit d'une autre personne.</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Nom de famille</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Prénom</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Open the earlier record</source>
            <translation>Ouvrir la fiche précédente</translation>
        </message>
        <message>
            <source>Continue: a different person</source>
            <translation>Continuer : une autre personne</translation>
        </message>
    </context>
    <context>
        <name>FormRenderer</name>
        <message>
            <source>This question cannot be answered in this app; it stays empty.</source>
            <translation>Cette question ne peut pas être répondue dans cette application ; elle reste vide.</translation>
        </message>
        <message>
            <source>Add another: %1</source>
            <translation>Ajouter : %1</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Retirer %1</translation>
        </message>
        <message>
            <source>%1 no. %2</source>
            <translation>%1 n° %2</translation>
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>YYYY-MM-DD or DD/MM/YYYY</source>
            <translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation>
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation>AAAA-MM-JJ HH:MM</translation>
        </message>
        <message>
            <source>HH:MM</source>
            <translation>HH:MM</translation>
        </message>
    </context>
    <context>
        <name>ProblemText</name>
        <message>
            <source>%1 %2 has only %3 days.</source>
            <translation>%1 %2 n'a que %3 jours.</translation>
        </message>
        <message>
            <source>There is no month %1: months go from 1 to 12 (DD/MM/YYYY).</source>
            <translation>Il n'y a pas de mois %1 : les mois vont de 1 à 12 (JJ/MM/AAAA).</translation>
        </message>
        <message>
            <source>Type + and the country code first (+1 612 555 0147), or choose the country of residence.</source>
            <translation>Tapez d'abord + et l'indicatif du pays (+33 6 12 34 56 78), ou choisissez le pays de résidence.</translation>
        </message>
        <message>
            <source>+%1 is not a country code.</source>
            <translation>+%1 n'est pas un indicatif de pays.</translation>
        </message>
        <message>
            <source>Too few digits for a phone number with the country code +%1.</source>
            <translation>Trop peu de chiffres pour un numéro avec l'indicatif +%1.</translation>
        </message>
        <message>
            <source>Too many digits for a phone number with the country code +%1.</source>
            <translation>Trop de chiffres pour un numéro avec l'indicatif +%1.</translation>
        </message>
        <message>
            <source>No phone number with the country code +%1 has so many digits.</source>
            <translation>Aucun numéro avec l'indicatif +%1 n'a ce nombre de chiffres.</translation>
        </message>
        <message>
            <source>Type digits only, with + and the country code in front; spaces and dashes are fine.</source>
            <translation>Tapez seulement des chiffres, précédés de + et de l'indicatif du pays ; espaces et tirets sont acceptés.</translation>
        </message>
        <message>
            <source>This answer is required.</source>
            <translation>Cette réponse est obligatoire.</translation>
        </message>
        <message>
            <source>This answer is not allowed here.</source>
            <translation>Cette réponse n'est pas acceptée ici.</translation>
        </message>
        <message>
            <source>Type a whole number, for example 42.</source>
            <translation>Saisissez un nombre entier, par exemple 42.</translation>
        </message>
        <message>
            <source>Type a number, for example 3.5.</source>
            <translation>Saisissez un nombre, par exemple 3.5.</translation>
        </message>
        <message>
            <source>Type a date as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Saisissez une date sous la forme AAAA-MM-JJ ou JJ/MM/AAAA.</translation>
        </message>
        <message>
            <source>Type a date and time as YYYY-MM-DD HH:MM.</source>
            <translation>Saisissez une date et une heure sous la forme AAAA-MM-JJ HH:MM.</translation>
        </message>
        <message>
            <source>Type a time as HH:MM.</source>
            <translation>Saisissez une heure sous la forme HH:MM.</translation>
        </message>
        <message>
            <source>Type text here.</source>
            <translation>Saisissez du texte ici.</translation>
        </message>
        <message>
            <source>“%1” is not one of the choices.</source>
            <translation>« %1 » ne fait pas partie des choix.</translation>
        </message>
        <message>
            <source>Choose a value from %1 to %2.</source>
            <translation>Choisissez une valeur de %1 à %2.</translation>
        </message>
        <message>
            <source>This answer is calculated and cannot be typed.</source>
            <translation>Cette réponse est calculée et ne peut pas être saisie.</translation>
        </message>
        <message>
            <source>This answer does not apply to this person.</source>
            <translation>Cette réponse ne concerne pas cette personne.</translation>
        </message>
        <message>
            <source>This answer cannot be used.</source>
            <translation>Cette réponse ne peut pas être utilisée.</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>More than %1 records found: type more to narrow the search.</source>
            <translation>Plus de %1 fiches trouvées : tapez davantage pour affiner la recherche.</translation>
        </message>
        <message>
            <source>Discard draft... (Delete)</source>
            <translation>Supprimer le brouillon... (Suppr)</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Fiches</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>Tous les lots</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) found</source>
            <translation>
                <numerusform>%n fiche trouvée</numerusform>
                <numerusform>%n fiches trouvées</numerusform>
            </translation>
        </message>
        <message>
            <source>The records could not be read.</source>
            <translation>Les fiches n'ont pas pu être lues.</translation>
        </message>
        <message>
            <source>Search by name, document number or phone</source>
            <translation>Rechercher par nom, numéro de document ou téléphone</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistrées</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Brouillons</translation>
        </message>
        <message>
            <source>Created from</source>
            <translation>Créées du</translation>
        </message>
        <message>
            <source>to</source>
            <translation>au</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation>Ouvrir (Entrée)</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Nom de famille</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Prénom</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créée le</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>enregistrée</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>brouillon</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>Search by %1</source>
            <translation>Rechercher par %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>%n record(s) of the form %1 found</source>
            <translation>
                <numerusform>%n fiche du formulaire %1 trouvée</numerusform>
                <numerusform>%n fiches du formulaire %1 trouvées</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>The unfinished registration is back on screen.</source>
            <translation>L'inscription inachevée est de retour à l'écran.</translation>
        </message>
        <message>
            <source>Nothing was kept: no name or document number had been typed.</source>
            <translation>Rien n'a été gardé : aucun nom ni numéro de document n'avait été saisi.</translation>
        </message>
        <message>
            <source>Nothing typed yet: there is no draft to keep.</source>
            <translation>Rien n'est encore saisi : il n'y a pas de brouillon à garder.</translation>
        </message>
        <message>
            <source>The draft was discarded.</source>
            <translation>Le brouillon a été supprimé.</translation>
        </message>
        <message>
            <source>Discard draft... (Ctrl+Shift+D)</source>
            <translation>Supprimer le brouillon... (Ctrl+Maj+D)</translation>
        </message>
        <message>
            <source>Ctrl+B: open, switch or close the batch</source>
            <translation>Ctrl+B : ouvrir, changer ou fermer le lot</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Inscription</translation>
        </message>
        <message>
            <source>The registration form could not be loaded.</source>
            <translation>Le formulaire d'enregistrement n'a pas pu être chargé.</translation>
        </message>
        <message>
            <source>The unfinished registration was kept as a draft.</source>
            <translation>L'enregistrement inachevé a été conservé comme brouillon.</translation>
        </message>
        <message>
            <source>That did not work; the registration is still on screen.</source>
            <translation>Cela n'a pas fonctionné ; l'enregistrement est toujours à l'écran.</translation>
        </message>
        <message>
            <source>No open batch: open one before registering.</source>
            <translation>Aucun lot ouvert : ouvrez-en un avant d'enregistrer.</translation>
        </message>
        <message>
            <source>Open a batch...</source>
            <translation>Ouvrir un lot...</translation>
        </message>
        <message>
            <source>Batch: %1, %2, %3</source>
            <translation>Lot : %1, %2, %3</translation>
        </message>
        <message>
            <source>Close the batch</source>
            <translation>Fermer le lot</translation>
        </message>
        <message>
            <source>Form language:</source>
            <translation>Langue du formulaire :</translation>
        </message>
        <message>
            <source>Editing a saved record: saving it makes a new version.</source>
            <translation>Modification d'une fiche enregistrée : l'enregistrer crée une nouvelle version.</translation>
        </message>
        <message>
            <source>Save draft (Ctrl+D)</source>
            <translation>Enregistrer le brouillon (Ctrl+D)</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Enregistrer (Ctrl+S)</translation>
        </message>
        <message>
            <source>Next person (Ctrl+N)</source>
            <translation>Personne suivante (Ctrl+N)</translation>
        </message>
        <message>
            <source>Open a batch first: every registration belongs to a batch.</source>
            <translation>Ouvrez d'abord un lot : chaque enregistrement appartient à un lot.</translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s) need attention before saving.</source>
            <translation>
                <numerusform>%n réponse demande votre attention avant l'enregistrement.</numerusform>
                <numerusform>%n réponses demandent votre attention avant l'enregistrement.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved yet: the registration is still on screen.</source>
            <translation>Pas encore enregistré : l'enregistrement est toujours à l'écran.</translation>
        </message>
        <message>
            <source>The earlier record is open; the answers typed just now were not saved.</source>
            <translation>La fiche précédente est ouverte ; les réponses saisies à l'instant n'ont pas été enregistrées.</translation>
        </message>
        <message>
            <source>Draft saved. It stays on this computer, encrypted, until finished.</source>
            <translation>Brouillon enregistré. Il reste chiffré sur cet ordinateur jusqu'à ce qu'il soit terminé.</translation>
        </message>
        <message>
            <source>Saved. Press Ctrl+N for the next person.</source>
            <translation>Enregistré. Appuyez sur Ctrl+N pour la personne suivante.</translation>
        </message>
    </context>
    <context>
        <name>SearchableChecklistInput</name>
        <message>
            <source>Type to filter the list</source>
            <translation>Tapez pour filtrer la liste</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>Choisis : %1</translation>
        </message>
    </context>
    <context>
        <name>SearchableChoiceInput</name>
        <message>
            <source>Type to search</source>
            <translation>Tapez pour rechercher</translation>
        </message>
    </context>
<context>
    <name>SectionNavigator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problème</numerusform><numerusform>%n problèmes</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 sur %2 répondues</translation>
    </message>
    <message>
        <source>&amp;Sections (Ctrl+G)</source>
        <translation>&amp;Rubriques (Ctrl+G)</translation>
    </message>
    <message>
        <source>Sections of the form</source>
        <translation>Rubriques du formulaire</translation>
    </message>
</context>
<context>
    <name>MrzDialog</name>
    <message>
        <source>All check digits are right: %1 %2, born %3, document %4, expires %5.</source>
        <translation>Tous les chiffres de contrôle sont justes : %1 %2, né(e) le %3, document %4, expire le %5.</translation>
    </message>
    <message>
        <source>%1 is not a country of the form's list: choose the nationality by hand.</source>
        <translation>%1 n'est pas un pays de la liste du formulaire : choisissez la nationalité à la main.</translation>
    </message>
    <message>
        <source>the document number</source>
        <translation>le numéro du document</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>la date de naissance</translation>
    </message>
    <message>
        <source>the expiry date</source>
        <translation>la date d'expiration</translation>
    </message>
    <message>
        <source>the personal number</source>
        <translation>le numéro personnel</translation>
    </message>
    <message>
        <source>the whole second line (last character)</source>
        <translation>toute la deuxième ligne (dernier caractère)</translation>
    </message>
    <message>
        <source>The check digit of %1 does not match: a character was misread or mistyped. Nothing was filled in; compare the lines with the passport.</source>
        <translation>Le chiffre de contrôle de %1 ne correspond pas : un caractère a été mal lu ou mal tapé. Rien n'a été rempli ; comparez les lignes avec le passeport.</translation>
    </message>
    <message>
        <source>Type or scan both lines under the photo (two lines of 44 characters).</source>
        <translation>Tapez ou scannez les deux lignes sous la photo (deux lignes de 44 caractères).</translation>
    </message>
    <message>
        <source>Line %1 must have 44 characters; check for a missing or extra character.</source>
        <translation>La ligne %1 doit avoir 44 caractères ; cherchez un caractère manquant ou en trop.</translation>
    </message>
    <message>
        <source>The lines hold only capital letters, digits and &lt;.</source>
        <translation>Les lignes ne contiennent que des majuscules, des chiffres et &lt;.</translation>
    </message>
    <message>
        <source>This is not a passport: its first line does not start with P.</source>
        <translation>Ce n'est pas un passeport : sa première ligne ne commence pas par P.</translation>
    </message>
    <message>
        <source>The sex must be F, M, X or &lt;.</source>
        <translation>Le sexe doit être F, M, X ou &lt;.</translation>
    </message>
    <message>
        <source>A date in the second line is not a real date.</source>
        <translation>Une date de la deuxième ligne n'est pas une vraie date.</translation>
    </message>
    <message>
        <source>Scan passport</source>
        <translation>Scanner le passeport</translation>
    </message>
    <message>
        <source>Scan the two lines at the bottom of the passport's photo page with the reader, or type or paste them here (44 characters each, &lt; included).</source>
        <translation>Scannez avec le lecteur les deux lignes au bas de la page photo du passeport, ou tapez-les ou collez-les ici (44 caractères chacune, &lt; compris).</translation>
    </message>
    <message>
        <source>Fill in the form</source>
        <translation>Remplir le formulaire</translation>
    </message>
</context>
<context>
    <name>PassportAction</name>
    <message>
        <source>The passport's details were filled in; check them.</source>
        <translation>Les données du passeport ont été remplies ; vérifiez-les.</translation>
    </message>
    <message>
        <source>Scan passport… (Ctrl+M)</source>
        <translation>Scanner le passeport… (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt for the person</source>
        <translation>Récépissé pour la personne</translation>
    </message>
    <message>
        <source>The receipt of %1: its reference, what was recorded and how the data is protected.</source>
        <translation>Le récépissé de %1 : sa référence, ce qui a été enregistré et comment les données sont protégées.</translation>
    </message>
    <message>
        <source>Receipt &amp;language:</source>
        <translation>&amp;Langue du récépissé :</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
</context>
<context>
    <name>ReceiptAction</name>
    <message>
        <source>Save the registration first: the receipt shows what was saved.</source>
        <translation>Enregistrez d'abord la fiche : le récépissé montre ce qui a été enregistré.</translation>
    </message>
    <message>
        <source>The receipt could not be made.</source>
        <translation>Le récépissé n'a pas pu être fait.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Enregistrer le récépissé</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt %1 was saved to %2.</source>
        <translation>Le récépissé %1 a été enregistré dans %2.</translation>
    </message>
    <message>
        <source>The receipt %1 was sent to the printer.</source>
        <translation>Le récépissé %1 a été envoyé à l'imprimante.</translation>
    </message>
    <message>
        <source>Receipt… (Ctrl+P)</source>
        <translation>Récépissé… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print or save the person's receipt of the saved registration</source>
        <translation>Imprimer ou enregistrer le récépissé de la fiche enregistrée</translation>
    </message>
</context>
    <context>
        <name>AutosaveKeeper</name>
        <message>
            <source>Unfinished registration</source>
            <translation>Inscription inachevée</translation>
        </message>
        <message>
            <source>Continue the registration of %1?</source>
            <translation>Continuer l'inscription de %1 ?</translation>
        </message>
        <message>
            <source>Continue the unfinished registration?</source>
            <translation>Continuer l'inscription inachevée ?</translation>
        </message>
        <message>
            <source>It was on screen when the desk was last locked or closed; discarding cannot be undone.</source>
            <translation>Elle était à l'écran au dernier verrouillage ou à la dernière fermeture ; la supprimer est définitif.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuer</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>The unfinished registration was discarded.</source>
            <translation>L'inscription inachevée a été supprimée.</translation>
        </message>
    </context>
    <context>
        <name>DiscardDraft</name>
        <message>
            <source>Discard the draft</source>
            <translation>Supprimer le brouillon</translation>
        </message>
        <message>
            <source>this person (no name typed)</source>
            <translation>cette personne (aucun nom saisi)</translation>
        </message>
        <message>
            <source>Discard the draft of %1?</source>
            <translation>Supprimer le brouillon de %1 ?</translation>
        </message>
        <message>
            <source>What was typed in it is lost. A saved record is never discarded.</source>
            <translation>Ce qui y a été saisi sera perdu. Une fiche enregistrée n'est jamais supprimée.</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Le garder</translation>
        </message>
    </context>
    <context>
        <name>BatchMenu</name>
        <message>
            <source>%1, %2, %3</source>
            <translation>%1, %2, %3</translation>
        </message>
        <message>
            <source>Open a new batch...</source>
            <translation>Ouvrir un nouveau lot...</translation>
        </message>
        <message>
            <source>Close the current batch</source>
            <translation>Fermer le lot en cours</translation>
        </message>
    </context>
<context>
    <name>ProblemText</name>
    <message>
        <source>Type the latitude and longitude in degrees, for example 6.3 and -10.8.</source>
        <translation>Tapez la latitude et la longitude en degrés, par exemple 6.3 et -10.8.</translation>
    </message>
    <message>
        <source>A latitude goes from -90 to 90 and a longitude from -180 to 180; the accuracy is not negative.</source>
        <translation>Une latitude va de -90 à 90 et une longitude de -180 à 180 ; la précision n'est pas négative.</translation>
    </message>
    <message>
        <source>Type one point per line (latitude longitude); a line needs 2 points, an area 3.</source>
        <translation>Tapez un point par ligne (latitude longitude) ; une ligne demande 2 points, une surface 3.</translation>
    </message>
    <message>
        <source>Attach the file again with the button.</source>
        <translation>Joignez de nouveau le fichier avec le bouton.</translation>
    </message>
</context>
<context>
    <name>GeopointInput</name>
    <message>
        <source>Latitude (°)</source>
        <translation>Latitude (°)</translation>
    </message>
    <message>
        <source>Longitude (°)</source>
        <translation>Longitude (°)</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>Altitude (m)</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>Précision (m)</translation>
    </message>
</context>
<context>
    <name>GeoTraceInput</name>
    <message>
        <source>One point per line: latitude longitude, e.g. 6.3 -10.8</source>
        <translation>Un point par ligne : latitude longitude, p. ex. 6.3 -10.8</translation>
    </message>
</context>
<context>
    <name>AttachmentInput</name>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>Le fichier « %1 » ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>Files cannot be attached here: the store is not open.</source>
        <translation>Impossible de joindre des fichiers ici : la base n'est pas ouverte.</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Aucun fichier joint</translation>
    </message>
</context>
<context>
    <name>SignatureInput</name>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>Le fichier « %1 » ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>Files cannot be attached here: the store is not open.</source>
        <translation>Impossible de joindre des fichiers ici : la base n'est pas ouverte.</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Aucun fichier joint</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Effacer la signature</translation>
    </message>
</context>
</TS>
