<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="145" />
            <source>Import registrations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="146" />
            <source>&amp;Batch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="147" />
            <source>&amp;Place (for a new batch):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="148" />
            <source>&amp;File (.csv or .xlsx):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="149" />
            <source>&amp;Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="152" />
            <source>an open batch, or the name of a new one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="153" />
            <source>Write an empty &amp;template…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="154" />
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Choose the file to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Spreadsheets (*.csv *.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="224" />
            <source>Save the import template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="226" />
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="235" />
            <source>Template written: %n column(s).</source>
            <translation>
                <numerusform>Template written: %n column.</numerusform>
                <numerusform>Template written: %n columns.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="246" />
            <source>Choose a .csv or .xlsx file to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="250" />
            <source>Choose the batch the records go into, or type a new name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="259" />
            <source>Checking rows…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="285" />
            <source>Checking rows… %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="287" />
            <source>Saving records… %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="302" />
            <source>Imported %n record(s).</source>
            <translation>
                <numerusform>Imported %n record.</numerusform>
                <numerusform>Imported %n records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="309" />
            <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
            <translation>
                <numerusform>Nothing was imported: %n row rejected. Fix it in the file and import it again.</numerusform>
                <numerusform>Nothing was imported: %n rows rejected. Fix them in the file and import it again.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="335" />
            <source>The store is locked: unlock it, then import again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="340" />
            <source>The import failed; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="334" />
            <source>%n more problem(s) not listed: fix these, then import again.</source>
            <translation>
                <numerusform>%n more problem not listed: fix these, then import again.</numerusform>
                <numerusform>%n more problems not listed: fix these, then import again.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="0" />
            <source>Form:</source>
            <translation>Form:</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid time (expected HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not one of the allowed values (see the Choices sheet of the template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>read-only in the form: leave this column empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a field of the form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>should be empty: the form does not ask this question given the other answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>repeated answers cannot be imported from a spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>computed by the form: leave this column empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a value under a column without a name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such day in that month (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such month: months go from 1 to 12 (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number without + and the country code, and no country of residence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number whose country code no country uses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too few digits for a phone number of its country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too many digits for a phone number of its country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no phone number of its country has that many digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a phone number: digits, with + and the country code in front</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>outside the allowed range (%1 to %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>refused by the form (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>the file %1 does not exist or is not a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot read %1: check that you may open it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot import %1: only .csv and .xlsx files can be imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no header row: the first row must hold the field names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row has more than %2 columns, more than an import reads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: column %2 of the header row has no name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 appears twice in the header row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is not UTF-8 text: save it as 'CSV UTF-8' (or as .xlsx) and import it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is longer than %2 characters, far longer than the form's field names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is not valid CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 is not valid CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the first sheet is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 rows below the header (blank rows count too): split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 filled cells: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 characters of text: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2, column %3 holds more than %4 characters, the most a spreadsheet cell can hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 holds more than %3 characters, the most a spreadsheet cell can hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: a cell holds more than %2 characters, the most a spreadsheet cell can hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is larger than %2, the most one import reads: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be opened as an Excel workbook (is it password-protected or damaged?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 of shared text: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 parts, far more than a workbook has</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 unpacks to more than %2: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is compressed more than %2 times, as only a damaged or hostile file is (a zip bomb): it was not read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 different texts: split it into smaller files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 has a value beyond column %3, more columns than an import reads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be imported: its part %2 declares a document type (DTD), which no Excel workbook does and which can make a reader fetch files or run out of memory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 links its rows to the first sheet by %3, but the first sheet has no %4 column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 has no %3 column to say which row each of its rows belongs to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 of the sheet %3 is not a field of the repeat %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is filled by Diaspora Desk from the batch and the operator; remove that column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is computed by the form or repeated; remove that column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is not a field of the form (the header row must hold the form's field names; see diaspora-desk import --template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no rows to import: nothing was saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>name the batch the records go into (the event or the consulate day)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
