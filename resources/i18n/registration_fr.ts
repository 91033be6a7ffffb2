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
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>Register</source>
            <translation>Enregistrer</translation>
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
</TS>
