<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="149" />
            <source>Export records</source>
            <translation>Exportar registos</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="150" />
            <source>&amp;Records:</source>
            <translation>&amp;Registos:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="151" />
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormato:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="152" />
            <source>&amp;Headers:</source>
            <translation>&amp;Cabeçalhos:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="153" />
            <source>&amp;Save as:</source>
            <translation>&amp;Guardar como:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="154" />
            <source>&amp;Choose…</source>
            <translation>&amp;Escolher…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="155" />
            <source>&amp;Protect the file with a password (Excel asks for it)</source>
            <translation>&amp;Proteger o ficheiro com uma palavra-passe (o Excel pede-a)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="156" />
            <source>Pass&amp;word:</source>
            <translation>&amp;Palavra-passe:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="157" />
            <source>R&amp;epeat:</source>
            <translation>Re&amp;petir:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="158" />
            <source>&amp;Export</source>
            <translation>E&amp;xportar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="168" />
            <source>Excel workbook (.xlsx)</source>
            <translation>Livro do Excel (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="169" />
            <source>CSV files, UTF-8 (.csv)</source>
            <translation>Ficheiros CSV, UTF-8 (.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="176" />
            <source>Field names (for analysis scripts)</source>
            <translation>Nomes dos campos (para scripts de análise)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="178" />
            <source>Labels in %1</source>
            <translation>Rótulos em %1</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="184" />
            <source>All batches</source>
            <translation>Todos os lotes</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="186" />
            <source>%1 (%2): %n record(s)</source>
            <translation>
                <numerusform>%1 (%2): %n registo</numerusform>
                <numerusform>%1 (%2): %n registos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="196" />
            <source>Only a supervisor may export records.</source>
            <translation>Só um supervisor pode exportar registos.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="221" />
            <source>Save the export as</source>
            <translation>Guardar a exportação como</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Livro do Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="223" />
            <source>CSV file (*.csv)</source>
            <translation>Ficheiro CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="241" />
            <source>Choose where to save the export.</source>
            <translation>Escolha onde guardar a exportação.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="250" />
            <source>The password needs at least %1 characters.</source>
            <translation>A palavra-passe precisa de pelo menos %1 caracteres.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="257" />
            <source>The two passwords differ.</source>
            <translation>As duas palavras-passe são diferentes.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="271" />
            <source>Exporting…</source>
            <translation>A exportar…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="296" />
            <source>Exporting… %n record(s) written.</source>
            <translation>
                <numerusform>A exportar… %n registo escrito.</numerusform>
                <numerusform>A exportar… %n registos escritos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/export_dialog.py" line="305" />
            <source>Exported %n record(s) to %1.</source>
            <translation>
                <numerusform>%n registo exportado para %1.</numerusform>
                <numerusform>%n registos exportados para %1.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="323" />
            <source>The export failed; no file was written.</source>
            <translation>A exportação falhou; nenhum ficheiro foi escrito.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>For&amp;m:</source>
            <translation>For&amp;mulário:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/export_dialog.py" line="0" />
            <source>%1 (version %2)</source>
            <translation>%1 (versão %2)</translation>
        </message>
    </context>
</TS>
