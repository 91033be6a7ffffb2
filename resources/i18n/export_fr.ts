<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="149" />
            <source>Export records</source>
            <translation>Exporter les enregistrements</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="150" />
            <source>&amp;Records:</source>
            <translation>&amp;Enregistrements :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="151" />
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormat :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="152" />
            <source>&amp;Headers:</source>
            <translation>En-&amp;têtes :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="153" />
            <source>&amp;Save as:</source>
            <translation>Enregistrer &amp;sous :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="154" />
            <source>&amp;Choose…</source>
            <translation>&amp;Choisir…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="155" />
            <source>&amp;Protect the file with a password (Excel asks for it)</source>
            <translation>&amp;Protéger le fichier par un mot de passe (Excel le demande)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="156" />
            <source>Pass&amp;word:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="157" />
            <source>R&amp;epeat:</source>
            <translation>&amp;Répéter :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="158" />
            <source>&amp;Export</source>
            <translation>E&amp;xporter</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="168" />
            <source>Excel workbook (.xlsx)</source>
            <translation>Classeur Excel (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="169" />
            <source>CSV files, UTF-8 (.csv)</source>
            <translation>Fichiers CSV, UTF-8 (.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="176" />
            <source>Field names (for analysis scripts)</source>
            <translation>Noms des champs (pour les scripts d'analyse)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="178" />
            <source>Labels in %1</source>
            <translation>Libellés en %1</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="184" />
            <source>All batches</source>
            <translation>Tous les lots</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="186" />
            <source>%1 (%2): %n record(s)</source>
            <translation>
                <numerusform>%1 (%2) : %n enregistrement</numerusform>
                <numerusform>%1 (%2) : %n enregistrements</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="196" />
            <source>Only a supervisor may export records.</source>
            <translation>Seul un superviseur peut exporter les enregistrements.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="221" />
            <source>Save the export as</source>
            <translation>Enregistrer l'export sous</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>CSV file (*.csv)</source>
            <translation>Fichier CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="241" />
            <source>Choose where to save the export.</source>
            <translation>Choisissez où enregistrer l'export.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="250" />
            <source>The password needs at least %1 characters.</source>
            <translation>Le mot de passe doit compter au moins %1 caractères.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="257" />
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe diffèrent.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="271" />
            <source>Exporting…</source>
            <translation>Export en cours…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="296" />
            <source>Exporting… %n record(s) written.</source>
            <translation>
                <numerusform>Export en cours… %n enregistrement écrit.</numerusform>
                <numerusform>Export en cours… %n enregistrements écrits.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="305" />
            <source>Exported %n record(s) to %1.</source>
            <translation>
                <numerusform>%n enregistrement exporté vers %1.</numerusform>
                <numerusform>%n enregistrements exportés vers %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="323" />
            <source>The export failed; no file was written.</source>
            <translation>L'export a échoué ; aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>For&amp;m:</source>
            <translation>For&amp;mulaire :</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>%1 (version %2)</source>
            <translation>%1 (version %2)</translation>
        </message>
    </context>
</TS>
