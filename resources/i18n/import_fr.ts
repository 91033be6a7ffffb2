<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="144"/>
        <source>Import registrations</source>
        <translation>Importer des enregistrements</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="145"/>
        <source>&amp;Batch:</source>
        <translation>&amp;Lot :</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="146"/>
        <source>&amp;Place (for a new batch):</source>
        <translation>&amp;Lieu (pour un nouveau lot) :</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="147"/>
        <source>&amp;File (.csv or .xlsx):</source>
        <translation>&amp;Fichier (.csv ou .xlsx) :</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="148"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="151"/>
        <source>an open batch, or the name of a new one</source>
        <translation>un lot ouvert, ou le nom d&apos;un nouveau lot</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="152"/>
        <source>Write an empty &amp;template…</source>
        <translation>Écrire un &amp;modèle vide…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="153"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="154"/>
        <location filename="../../desktop/dialogs/import_dialog.py" line="271"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="154"/>
        <location filename="../../desktop/dialogs/import_dialog.py" line="271"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="155"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="155"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="155"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="165"/>
        <source>does not meet the form&apos;s rule: %1</source>
        <translation>ne respecte pas la règle du formulaire : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="166"/>
        <source>does not meet the form&apos;s rule</source>
        <translation>ne respecte pas la règle du formulaire</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="168"/>
        <source>outside the allowed range (%1 to %2)</source>
        <translation>hors de l&apos;intervalle permis (%1 à %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="173"/>
        <source>required, but empty</source>
        <translation>obligatoire, mais vide</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="174"/>
        <source>not a whole number</source>
        <translation>pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="175"/>
        <source>not a number</source>
        <translation>pas un nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="176"/>
        <source>not a valid date (expected YYYY-MM-DD)</source>
        <translation>pas une date valide (attendu AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="177"/>
        <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
        <translation>pas une date et heure valides (attendu AAAA-MM-JJ HH:MM)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="178"/>
        <source>not a valid time (expected HH:MM)</source>
        <translation>pas une heure valide (attendu HH:MM)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="179"/>
        <source>not text</source>
        <translation>pas du texte</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="180"/>
        <source>not one of the allowed values (see the Choices sheet of the template)</source>
        <translation>pas une des valeurs permises (voir la feuille Choices du modèle)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="181"/>
        <source>read-only in the form: leave this column empty</source>
        <translation>en lecture seule dans le formulaire : laissez cette colonne vide</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="182"/>
        <source>not a field of the form</source>
        <translation>pas un champ du formulaire</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="184"/>
        <source>should be empty: the form does not ask this question given the other answers</source>
        <translation>devrait être vide : le formulaire ne pose pas cette question vu les autres réponses</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="186"/>
        <source>repeated answers cannot be imported from a spreadsheet</source>
        <translation>les réponses répétées ne peuvent pas être importées d&apos;un tableur</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="187"/>
        <source>a value under a column without a name</source>
        <translation>une valeur sous une colonne sans nom</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="211"/>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="211"/>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Tableurs (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="219"/>
        <source>Save the import template</source>
        <translation>Enregistrer le modèle d&apos;import</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="221"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>Template written: %n column(s).</source>
        <translation>
            <numerusform>Modèle écrit : %n colonne.</numerusform>
            <numerusform>Modèle écrit : %n colonnes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="241"/>
        <source>Choose a .csv or .xlsx file to import.</source>
        <translation>Choisissez un fichier .csv ou .xlsx à importer.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="245"/>
        <source>Choose the batch the records go into, or type a new name.</source>
        <translation>Choisissez le lot qui recevra les enregistrements, ou tapez un nouveau nom.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="254"/>
        <source>Checking rows…</source>
        <translation>Vérification des lignes…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="280"/>
        <source>Checking rows… %1</source>
        <translation>Vérification des lignes… %1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="282"/>
        <source>Saving records… %1</source>
        <translation>Enregistrement… %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/import_dialog.py" line="297"/>
        <source>Imported %n record(s).</source>
        <translation>
            <numerusform>%n enregistrement importé.</numerusform>
            <numerusform>%n enregistrements importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/dialogs/import_dialog.py" line="304"/>
        <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
        <translation>
            <numerusform>Rien n&apos;a été importé : %n ligne refusée. Corrigez-la dans le fichier et importez-le à nouveau.</numerusform>
            <numerusform>Rien n&apos;a été importé : %n lignes refusées. Corrigez-les dans le fichier et importez-le à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="324"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé : rien n&apos;a été importé.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="333"/>
        <source>The import failed; nothing was imported.</source>
        <translation>L&apos;import a échoué ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="338"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
</TS>
