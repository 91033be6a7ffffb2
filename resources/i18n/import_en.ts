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
            <location filename="../../desktop/dialogs/import_dialog.py" line="155" />
            <location filename="../../desktop/dialogs/import_dialog.py" line="276" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="155" />
            <location filename="../../desktop/dialogs/import_dialog.py" line="276" />
            <source>Close</source>
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
            <location filename="../../desktop/dialogs/import_dialog.py" line="329" />
            <source>Cancelled: nothing was imported.</source>
            <translation type="unfinished" />
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
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="345" />
            <source>Cancelling…</source>
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
    </context>
</TS>
