<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="145" />
            <source>Import registrations</source>
            <translation>Importer des enregistrements</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="146" />
            <source>&amp;Batch:</source>
            <translation>&amp;Lot :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="147" />
            <source>&amp;Place (for a new batch):</source>
            <translation>&amp;Lieu (pour un nouveau lot) :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="148" />
            <source>&amp;File (.csv or .xlsx):</source>
            <translation>&amp;Fichier (.csv ou .xlsx) :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="149" />
            <source>&amp;Choose…</source>
            <translation>&amp;Choisir…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="152" />
            <source>an open batch, or the name of a new one</source>
            <translation>un lot ouvert, ou le nom d'un nouveau lot</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="153" />
            <source>Write an empty &amp;template…</source>
            <translation>Écrire un &amp;modèle vide…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="154" />
            <source>&amp;Import</source>
            <translation>&amp;Importer</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Column</source>
            <translation>Colonne</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Choose the file to import</source>
            <translation>Choisir le fichier à importer</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Spreadsheets (*.csv *.xlsx)</source>
            <translation>Tableurs (*.csv *.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="224" />
            <source>Save the import template</source>
            <translation>Enregistrer le modèle d'import</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="226" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="235" />
            <source>Template written: %n column(s).</source>
            <translation>
                <numerusform>Modèle écrit : %n colonne.</numerusform>
                <numerusform>Modèle écrit : %n colonnes.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="246" />
            <source>Choose a .csv or .xlsx file to import.</source>
            <translation>Choisissez un fichier .csv ou .xlsx à importer.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="250" />
            <source>Choose the batch the records go into, or type a new name.</source>
            <translation>Choisissez le lot qui recevra les enregistrements, ou tapez un nouveau nom.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="259" />
            <source>Checking rows…</source>
            <translation>Vérification des lignes…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="285" />
            <source>Checking rows… %1</source>
            <translation>Vérification des lignes… %1</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="287" />
            <source>Saving records… %1</source>
            <translation>Enregistrement… %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="302" />
            <source>Imported %n record(s).</source>
            <translation>
                <numerusform>%n enregistrement importé.</numerusform>
                <numerusform>%n enregistrements importés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="309" />
            <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
            <translation>
                <numerusform>Rien n'a été importé : %n ligne refusée. Corrigez-la dans le fichier et importez-le à nouveau.</numerusform>
                <numerusform>Rien n'a été importé : %n lignes refusées. Corrigez-les dans le fichier et importez-le à nouveau.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="335" />
            <source>The store is locked: unlock it, then import again.</source>
            <translation>La base chiffrée est verrouillée : déverrouillez-la, puis importez à nouveau.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="340" />
            <source>The import failed; nothing was imported.</source>
            <translation>L'import a échoué ; rien n'a été importé.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="334" />
            <source>%n more problem(s) not listed: fix these, then import again.</source>
            <translation>
                <numerusform>%n autre problème non listé : corrigez ceux-ci, puis importez à nouveau.</numerusform>
                <numerusform>%n autres problèmes non listés : corrigez ceux-ci, puis importez à nouveau.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="0" />
            <source>Form:</source>
            <translation>Formulaire :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="0" />
            <source>%1 (version %2)</source>
            <translation>%1 (version %2)</translation>
        </message>
    </context>
    <context>
        <name>ImportReasons</name>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>required, but empty</source>
            <translation>obligatoire, mais vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a whole number</source>
            <translation>pas un nombre entier</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a number</source>
            <translation>pas un nombre</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>pas une date valide (attendu AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
            <translation>pas une date et heure valides (attendu AAAA-MM-JJ HH:MM)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid time (expected HH:MM)</source>
            <translation>pas une heure valide (attendu HH:MM)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not text</source>
            <translation>pas du texte</translation>
        </message>
        <message>
            <source>not a place: latitude and longitude in degrees, then altitude and accuracy in metres</source>
            <translation>pas un lieu : latitude et longitude en degrés, puis altitude et précision en mètres</translation>
        </message>
        <message>
            <source>a latitude beyond -90..90, a longitude beyond -180..180 or a negative accuracy</source>
            <translation>une latitude hors de -90..90, une longitude hors de -180..180 ou une précision négative</translation>
        </message>
        <message>
            <source>not a line: two or more points 'latitude longitude' joined by ;</source>
            <translation>pas une ligne : deux points « latitude longitude » ou plus, séparés par ;</translation>
        </message>
        <message>
            <source>not an area: three or more points 'latitude longitude' joined by ;</source>
            <translation>pas une surface : trois points « latitude longitude » ou plus, séparés par ;</translation>
        </message>
        <message>
            <source>not a file name (a name without folders, as the export writes it)</source>
            <translation>pas un nom de fichier (un nom sans dossier, comme l'export l'écrit)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not one of the allowed values (see the Choices sheet of the template)</source>
            <translation>pas une des valeurs permises (voir la feuille Choices du modèle)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>read-only in the form: leave this column empty</source>
            <translation>en lecture seule dans le formulaire : laissez cette colonne vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a field of the form</source>
            <translation>pas un champ du formulaire</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>should be empty: the form does not ask this question given the other answers</source>
            <translation>devrait être vide : le formulaire ne pose pas cette question vu les autres réponses</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>repeated answers cannot be imported from a spreadsheet</source>
            <translation>les réponses répétées ne peuvent pas être importées d'un tableur</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>computed by the form: leave this column empty</source>
            <translation>calculé par le formulaire : laissez cette colonne vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a value under a column without a name</source>
            <translation>une valeur sous une colonne sans nom</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such day in that month (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>ce jour n'existe pas dans ce mois (attendu AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such month: months go from 1 to 12 (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>ce mois n'existe pas : les mois vont de 1 à 12 (attendu AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number without + and the country code, and no country of residence</source>
            <translation>un numéro de téléphone sans + ni indicatif du pays, et pas de pays de résidence</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number whose country code no country uses</source>
            <translation>un numéro de téléphone dont aucun pays n'utilise l'indicatif</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too few digits for a phone number of its country</source>
            <translation>trop peu de chiffres pour un numéro de téléphone de son pays</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too many digits for a phone number of its country</source>
            <translation>trop de chiffres pour un numéro de téléphone de son pays</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no phone number of its country has that many digits</source>
            <translation>aucun numéro de téléphone de son pays n'a autant de chiffres</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a phone number: digits, with + and the country code in front</source>
            <translation>pas un numéro de téléphone : des chiffres, précédés de + et de l'indicatif du pays</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule: %1</source>
            <translation>ne respecte pas la règle du formulaire : %1</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule</source>
            <translation>ne respecte pas la règle du formulaire</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>outside the allowed range (%1 to %2)</source>
            <translation>hors de l'intervalle permis (%1 à %2)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>refused by the form (%1)</source>
            <translation>refusé par le formulaire (%1)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>the file %1 does not exist or is not a file</source>
            <translation>le fichier %1 n'existe pas ou n'est pas un fichier</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot read %1: check that you may open it</source>
            <translation>impossible de lire %1 : vérifiez que vous avez le droit de l'ouvrir</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot import %1: only .csv and .xlsx files can be imported</source>
            <translation>impossible d'importer %1 : seuls les fichiers .csv et .xlsx peuvent être importés</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no header row: the first row must hold the field names</source>
            <translation>%1 n'a pas de ligne d'en-tête : la première ligne doit contenir les noms des champs</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row has more than %2 columns, more than an import reads</source>
            <translation>%1 : la ligne d'en-tête a plus de %2 colonnes, plus qu'une importation n'en lit</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: column %2 of the header row has no name</source>
            <translation>%1 : la colonne %2 de la ligne d'en-tête n'a pas de nom</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 appears twice in the header row</source>
            <translation>%1 : la colonne %2 apparaît deux fois dans la ligne d'en-tête</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is not UTF-8 text: save it as 'CSV UTF-8' (or as .xlsx) and import it again</source>
            <translation>%1 n'est pas du texte UTF-8 : enregistrez-le en « CSV UTF-8 » (ou en .xlsx) et importez-le à nouveau</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is longer than %2 characters, far longer than the form's field names</source>
            <translation>%1 : la ligne d'en-tête dépasse %2 caractères, bien plus que les noms des champs du formulaire</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is empty</source>
            <translation>%1 est vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is not valid CSV</source>
            <translation>%1 : la ligne d'en-tête n'est pas du CSV valide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 is not valid CSV</source>
            <translation>%1 : la ligne %2 n'est pas du CSV valide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the first sheet is empty</source>
            <translation>%1 : la première feuille est vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 is empty</source>
            <translation>%1 : la feuille %2 est vide</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 rows below the header (blank rows count too): split it into smaller files</source>
            <translation>%1 a plus de %2 lignes sous l'en-tête (les lignes vides comptent aussi) : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 filled cells: split it into smaller files</source>
            <translation>%1 a plus de %2 cellules remplies : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 characters of text: split it into smaller files</source>
            <translation>%1 contient plus de %2 caractères de texte : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2, column %3 holds more than %4 characters, the most a spreadsheet cell can hold</source>
            <translation>%1 : la ligne %2, colonne %3 contient plus de %4 caractères, le maximum d'une cellule de tableur</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 holds more than %3 characters, the most a spreadsheet cell can hold</source>
            <translation>%1 : la ligne %2 contient plus de %3 caractères, le maximum d'une cellule de tableur</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: a cell holds more than %2 characters, the most a spreadsheet cell can hold</source>
            <translation>%1 : une cellule contient plus de %2 caractères, le maximum d'une cellule de tableur</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is larger than %2, the most one import reads: split it into smaller files</source>
            <translation>%1 dépasse %2, le maximum qu'une importation lit : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be opened as an Excel workbook (is it password-protected or damaged?)</source>
            <translation>%1 ne peut pas être ouvert comme classeur Excel (est-il protégé par un mot de passe ou endommagé ?)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 of shared text: split it into smaller files</source>
            <translation>%1 contient plus de %2 de texte partagé : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 parts, far more than a workbook has</source>
            <translation>%1 contient plus de %2 parties, bien plus qu'un classeur n'en a</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 unpacks to more than %2: split it into smaller files</source>
            <translation>%1 décompressé dépasse %2 : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is compressed more than %2 times, as only a damaged or hostile file is (a zip bomb): it was not read</source>
            <translation>%1 est compressé plus de %2 fois, comme seul un fichier endommagé ou malveillant l'est (une bombe zip) : il n'a pas été lu</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 different texts: split it into smaller files</source>
            <translation>%1 contient plus de %2 textes différents : découpez-le en fichiers plus petits</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 has a value beyond column %3, more columns than an import reads</source>
            <translation>%1 : la ligne %2 a une valeur au-delà de la colonne %3, plus de colonnes qu'une importation n'en lit</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be imported: its part %2 declares a document type (DTD), which no Excel workbook does and which can make a reader fetch files or run out of memory</source>
            <translation>%1 ne peut pas être importé : sa partie %2 déclare un type de document (DTD), ce que ne fait aucun classeur Excel et qui peut faire lire des fichiers externes ou épuiser la mémoire</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 links its rows to the first sheet by %3, but the first sheet has no %4 column</source>
            <translation>%1 : la feuille %2 relie ses lignes à la première feuille par %3, mais la première feuille n'a pas de colonne %4</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 has no %3 column to say which row each of its rows belongs to</source>
            <translation>%1 : la feuille %2 n'a pas de colonne %3 indiquant à quelle ligne appartient chacune de ses lignes</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 of the sheet %3 is not a field of the repeat %4</source>
            <translation>%1 : la colonne %2 de la feuille %3 n'est pas un champ de la répétition %4</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is filled by Diaspora Desk from the batch and the operator; remove that column</source>
            <translation>%1 : la colonne %2 est remplie par Diaspora Desk à partir du lot et de l'opérateur ; supprimez cette colonne</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is computed by the form or repeated; remove that column</source>
            <translation>%1 : la colonne %2 est calculée par le formulaire ou répétée ; supprimez cette colonne</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is not a field of the form (the header row must hold the form's field names; see diaspora-desk import --template)</source>
            <translation>%1 : la colonne %2 n'est pas un champ du formulaire (la ligne d'en-tête doit contenir les noms des champs du formulaire ; voir diaspora-desk import --template)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no rows to import: nothing was saved</source>
            <translation>%1 n'a aucune ligne à importer : rien n'a été enregistré</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>name the batch the records go into (the event or the consulate day)</source>
            <translation>nommez le lot où vont les enregistrements (l'événement ou la journée consulaire)</translation>
        </message>
    </context>
</TS>
