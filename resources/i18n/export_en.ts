<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="149" />
            <source>Export records</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="150" />
            <source>&amp;Records:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="151" />
            <source>F&amp;ormat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="152" />
            <source>&amp;Headers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="153" />
            <source>&amp;Save as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="154" />
            <source>&amp;Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="155" />
            <source>&amp;Protect the file with a password (Excel asks for it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="156" />
            <source>Pass&amp;word:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="157" />
            <source>R&amp;epeat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="158" />
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="168" />
            <source>Excel workbook (.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="169" />
            <source>CSV files, UTF-8 (.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="176" />
            <source>Field names (for analysis scripts)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="178" />
            <source>Labels in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="184" />
            <source>All batches</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="186" />
            <source>%1 (%2): %n record(s)</source>
            <translation>
                <numerusform>%1 (%2): %n record</numerusform>
                <numerusform>%1 (%2): %n records</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="196" />
            <source>Only a supervisor may export records.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="221" />
            <source>Save the export as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>CSV file (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="241" />
            <source>Choose where to save the export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="250" />
            <source>The password needs at least %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="257" />
            <source>The two passwords differ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="271" />
            <source>Exporting…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="296" />
            <source>Exporting… %n record(s) written.</source>
            <translation>
                <numerusform>Exporting… %n record written.</numerusform>
                <numerusform>Exporting… %n records written.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="305" />
            <source>Exported %n record(s) to %1.</source>
            <translation>
                <numerusform>Exported %n record to %1.</numerusform>
                <numerusform>Exported %n records to %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="323" />
            <source>The export failed; no file was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>For&amp;m:</source>
            <translation>For&amp;m:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>%1 (version %2)</source>
            <translation>%1 (version %2)</translation>
        </message>
    </context>
</TS>
