<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
            <translation>Open a batch</translation>
        </message>
        <message>
            <source>Event or consulate day:</source>
            <translation>Event or consulate day:</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>Day (YYYY-MM-DD):</source>
            <translation>Day (YYYY-MM-DD):</translation>
        </message>
        <message>
            <source>for example: Minneapolis community day</source>
            <translation>for example: Minneapolis community day</translation>
        </message>
        <message>
            <source>Open batch</source>
            <translation>Open batch</translation>
        </message>
        <message>
            <source>Give the batch a name, for example the event.</source>
            <translation>Give the batch a name, for example the event.</translation>
        </message>
        <message>
            <source>Type the day as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Type the day as YYYY-MM-DD or DD/MM/YYYY.</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Same document number</source>
            <translation>Same document number</translation>
        </message>
        <message>
            <source>Same birth date, similar name (%1%)</source>
            <translation>Same birth date, similar name (%1%)</translation>
        </message>
        <message>
            <source>Already registered?</source>
            <translation>Already registered?</translation>
        </message>
        <message>
            <source>The registry server knows no other registration of this person.</source>
            <translation>The registry server knows no other registration of this person.</translation>
        </message>
        <message>
            <source>Server reference: %1</source>
            <translation>Server reference: %1</translation>
        </message>
        <message>
            <source>Registry server: possible match registered at %1 on %2</source>
            <translation>Registry server: possible match registered at %1 on %2</translation>
        </message>
        <message>
            <source>This person may already be registered on another desk. Continue if this is a different person, or cancel to check first.</source>
            <translation>This person may already be registered on another desk. Continue if this is a different person, or cancel to check first.</translation>
        </message>
        <message>
            <source>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</source>
            <translation>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Birth date</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Open the earlier record</source>
            <translation>Open the earlier record</translation>
        </message>
        <message>
            <source>Continue: a different person</source>
            <translation>Continue: a different person</translation>
        </message>
    </context>
    <context>
        <name>FormRenderer</name>
        <message>
            <source>This question cannot be answered in this app; it stays empty.</source>
            <translation>This question cannot be answered in this app; it stays empty.</translation>
        </message>
        <message>
            <source>Add another: %1</source>
            <translation>Add another: %1</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Remove %1</translation>
        </message>
        <message>
            <source>%1 no. %2</source>
            <translation>%1 no. %2</translation>
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>YYYY-MM-DD or DD/MM/YYYY</source>
            <translation>YYYY-MM-DD or DD/MM/YYYY</translation>
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation>YYYY-MM-DD HH:MM</translation>
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
            <translation>This answer is required.</translation>
        </message>
        <message>
            <source>This answer is not allowed here.</source>
            <translation>This answer is not allowed here.</translation>
        </message>
        <message>
            <source>Type a whole number, for example 42.</source>
            <translation>Type a whole number, for example 42.</translation>
        </message>
        <message>
            <source>Type a number, for example 3.5.</source>
            <translation>Type a number, for example 3.5.</translation>
        </message>
        <message>
            <source>Type a date as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Type a date as YYYY-MM-DD or DD/MM/YYYY.</translation>
        </message>
        <message>
            <source>Type a date and time as YYYY-MM-DD HH:MM.</source>
            <translation>Type a date and time as YYYY-MM-DD HH:MM.</translation>
        </message>
        <message>
            <source>Type a time as HH:MM.</source>
            <translation>Type a time as HH:MM.</translation>
        </message>
        <message>
            <source>Type text here.</source>
            <translation>Type text here.</translation>
        </message>
        <message>
            <source>“%1” is not one of the choices.</source>
            <translation>“%1” is not one of the choices.</translation>
        </message>
        <message>
            <source>Choose a value from %1 to %2.</source>
            <translation>Choose a value from %1 to %2.</translation>
        </message>
        <message>
            <source>This answer is calculated and cannot be typed.</source>
            <translation>This answer is calculated and cannot be typed.</translation>
        </message>
        <message>
            <source>This answer does not apply to this person.</source>
            <translation>This answer does not apply to this person.</translation>
        </message>
        <message>
            <source>This answer cannot be used.</source>
            <translation>This answer cannot be used.</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>All batches</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) found</source>
            <translation>
                <numerusform>%n record found</numerusform>
                <numerusform>%n records found</numerusform>
            </translation>
        </message>
        <message>
            <source>The records could not be read.</source>
            <translation>The records could not be read.</translation>
        </message>
        <message>
            <source>Search by name, document number or phone</source>
            <translation>Search by name, document number or phone</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Any status</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>Created from</source>
            <translation>Created from</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation>Open (Enter)</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Birth date</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>saved</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>draft</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>Search by %1</source>
            <translation>Search by %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>%n record(s) of the form %1 found</source>
            <translation>
                <numerusform>%n record of the form %1 found</numerusform>
                <numerusform>%n records of the form %1 found</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>The registration form could not be loaded.</source>
            <translation>The registration form could not be loaded.</translation>
        </message>
        <message>
            <source>The unfinished registration was kept as a draft.</source>
            <translation>The unfinished registration was kept as a draft.</translation>
        </message>
        <message>
            <source>That did not work; the registration is still on screen.</source>
            <translation>That did not work; the registration is still on screen.</translation>
        </message>
        <message>
            <source>No open batch: open one before registering.</source>
            <translation>No open batch: open one before registering.</translation>
        </message>
        <message>
            <source>Open a batch...</source>
            <translation>Open a batch...</translation>
        </message>
        <message>
            <source>Batch: %1, %2, %3</source>
            <translation>Batch: %1, %2, %3</translation>
        </message>
        <message>
            <source>Close the batch</source>
            <translation>Close the batch</translation>
        </message>
        <message>
            <source>Form language:</source>
            <translation>Form language:</translation>
        </message>
        <message>
            <source>Editing a saved record: saving it makes a new version.</source>
            <translation>Editing a saved record: saving it makes a new version.</translation>
        </message>
        <message>
            <source>Save draft (Ctrl+D)</source>
            <translation>Save draft (Ctrl+D)</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>Next person (Ctrl+N)</source>
            <translation>Next person (Ctrl+N)</translation>
        </message>
        <message>
            <source>Open a batch first: every registration belongs to a batch.</source>
            <translation>Open a batch first: every registration belongs to a batch.</translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s) need attention before saving.</source>
            <translation>
                <numerusform>%n answer needs attention before saving.</numerusform>
                <numerusform>%n answers need attention before saving.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved yet: the registration is still on screen.</source>
            <translation>Not saved yet: the registration is still on screen.</translation>
        </message>
        <message>
            <source>The earlier record is open; the answers typed just now were not saved.</source>
            <translation>The earlier record is open; the answers typed just now were not saved.</translation>
        </message>
        <message>
            <source>Draft saved. It stays on this computer, encrypted, until finished.</source>
            <translation>Draft saved. It stays on this computer, encrypted, until finished.</translation>
        </message>
        <message>
            <source>Saved. Press Ctrl+N for the next person.</source>
            <translation>Saved. Press Ctrl+N for the next person.</translation>
        </message>
    </context>
    <context>
        <name>SearchableChecklistInput</name>
        <message>
            <source>Type to filter the list</source>
            <translation>Type to filter the list</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>Chosen: %1</translation>
        </message>
    </context>
    <context>
        <name>SearchableChoiceInput</name>
        <message>
            <source>Type to search</source>
            <translation>Type to search</translation>
        </message>
    </context>
<context>
    <name>SectionNavigator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 of %2 answered</translation>
    </message>
    <message>
        <source>&amp;Sections (Ctrl+G)</source>
        <translation>&amp;Sections (Ctrl+G)</translation>
    </message>
    <message>
        <source>Sections of the form</source>
        <translation>Sections of the form</translation>
    </message>
</context>
<context>
    <name>MrzDialog</name>
    <message>
        <source>All check digits are right: %1 %2, born %3, document %4, expires %5.</source>
        <translation>All check digits are right: %1 %2, born %3, document %4, expires %5.</translation>
    </message>
    <message>
        <source>%1 is not a country of the form's list: choose the nationality by hand.</source>
        <translation>%1 is not a country of the form's list: choose the nationality by hand.</translation>
    </message>
    <message>
        <source>the document number</source>
        <translation>the document number</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>the date of birth</translation>
    </message>
    <message>
        <source>the expiry date</source>
        <translation>the expiry date</translation>
    </message>
    <message>
        <source>the personal number</source>
        <translation>the personal number</translation>
    </message>
    <message>
        <source>the whole second line (last character)</source>
        <translation>the whole second line (last character)</translation>
    </message>
    <message>
        <source>The check digit of %1 does not match: a character was misread or mistyped. Nothing was filled in; compare the lines with the passport.</source>
        <translation>The check digit of %1 does not match: a character was misread or mistyped. Nothing was filled in; compare the lines with the passport.</translation>
    </message>
    <message>
        <source>Type or scan both lines under the photo (two lines of 44 characters).</source>
        <translation>Type or scan both lines under the photo (two lines of 44 characters).</translation>
    </message>
    <message>
        <source>Line %1 must have 44 characters; check for a missing or extra character.</source>
        <translation>Line %1 must have 44 characters; check for a missing or extra character.</translation>
    </message>
    <message>
        <source>The lines hold only capital letters, digits and &lt;.</source>
        <translation>The lines hold only capital letters, digits and &lt;.</translation>
    </message>
    <message>
        <source>This is not a passport: its first line does not start with P.</source>
        <translation>This is not a passport: its first line does not start with P.</translation>
    </message>
    <message>
        <source>The sex must be F, M, X or &lt;.</source>
        <translation>The sex must be F, M, X or &lt;.</translation>
    </message>
    <message>
        <source>A date in the second line is not a real date.</source>
        <translation>A date in the second line is not a real date.</translation>
    </message>
    <message>
        <source>Scan passport</source>
        <translation>Scan passport</translation>
    </message>
    <message>
        <source>Scan the two lines at the bottom of the passport's photo page with the reader, or type or paste them here (44 characters each, &lt; included).</source>
        <translation>Scan the two lines at the bottom of the passport's photo page with the reader, or type or paste them here (44 characters each, &lt; included).</translation>
    </message>
    <message>
        <source>Fill in the form</source>
        <translation>Fill in the form</translation>
    </message>
</context>
<context>
    <name>PassportAction</name>
    <message>
        <source>The passport's details were filled in; check them.</source>
        <translation>The passport's details were filled in; check them.</translation>
    </message>
    <message>
        <source>Scan passport… (Ctrl+M)</source>
        <translation>Scan passport… (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt for the person</source>
        <translation>Receipt for the person</translation>
    </message>
    <message>
        <source>The receipt of %1: its reference, what was recorded and how the data is protected.</source>
        <translation>The receipt of %1: its reference, what was recorded and how the data is protected.</translation>
    </message>
    <message>
        <source>Receipt &amp;language:</source>
        <translation>Receipt &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
</context>
<context>
    <name>ReceiptAction</name>
    <message>
        <source>Save the registration first: the receipt shows what was saved.</source>
        <translation>Save the registration first: the receipt shows what was saved.</translation>
    </message>
    <message>
        <source>The receipt could not be made.</source>
        <translation>The receipt could not be made.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt %1 was saved to %2.</source>
        <translation>The receipt %1 was saved to %2.</translation>
    </message>
    <message>
        <source>The receipt %1 was sent to the printer.</source>
        <translation>The receipt %1 was sent to the printer.</translation>
    </message>
    <message>
        <source>Receipt… (Ctrl+P)</source>
        <translation>Receipt… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print or save the person's receipt of the saved registration</source>
        <translation>Print or save the person's receipt of the saved registration</translation>
    </message>
</context>
</TS>
