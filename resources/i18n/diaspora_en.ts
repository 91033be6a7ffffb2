<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AcknowledgeInput</name>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Open a batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event or consulate day:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day (YYYY-MM-DD):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for example: Minneapolis community day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the batch a name, for example the event.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the day as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Same document number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same birth date, similar name (%1%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already registered?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the earlier record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue: a different person</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FormRenderer</name>
        <message>
            <source>Add another: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 no. %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome, %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock now (Ctrl+L)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import registrations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Batch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Place (for a new batch):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File (.csv or .xlsx):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an open batch, or the name of a new one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write an empty &amp;template…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>does not meet the form's rule: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>does not meet the form's rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>outside the allowed range (%1 to %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>required, but empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid date (expected YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid time (expected HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not one of the allowed values (see the Choices sheet of the template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>read-only in the form: leave this column empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a field of the form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>should be empty: the form does not ask this question given the other answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>repeated answers cannot be imported from a spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a value under a column without a name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets (*.csv *.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the import template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Template written: %n column(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Choose a .csv or .xlsx file to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the batch the records go into, or type a new name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking rows…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking rows… %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving records… %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n record(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Cancelled: nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The import failed; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to Diaspora Desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer has no Diaspora Desk store yet. Let us set one up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the language of the interface. You can change it later from the Language menu.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>YYYY-MM-DD or DD/MM/YYYY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HH:MM</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>lock now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>go to a page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tab / Shift+Tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next / previous field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>confirm, or go to the next step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Diaspora Desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diaspora Desk registers members of the diaspora at consulates and outreach events. Everything is stored encrypted on this computer until it is sent to the central server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>clerk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operator: %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batch: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No open batch</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n record(s) waiting to sync</source>
            <translation>
                <numerusform>%n record waiting to sync</numerusform>
                <numerusform>%n records waiting to sync</numerusform>
            </translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diaspora Desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Auto-lock after</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Diaspora Desk</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>Records</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All batches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n record(s) found</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>The records could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by name, document number or phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>draft</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>The recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write this code on paper now. It is shown only once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If every passphrase is forgotten, this code is the only way back into the records. Keep the paper in the office safe, never on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I have &amp;written the recovery code down and will keep it safe</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>Register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The registration form could not be loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The unfinished registration was kept as a draft.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That did not work; the registration is still on screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No open batch: open one before registering.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a batch...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batch: %1, %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Form language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editing a saved record: saving it makes a new version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save draft (Ctrl+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next person (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchableChecklistInput</name>
        <message>
            <source>Type to filter the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchableChoiceInput</name>
        <message>
            <source>Type to search</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServerPage</name>
        <message>
            <source>Fill in both the server address and the code, or leave both empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contacting the server...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The central server (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Records are sent to the server whenever this computer is online.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your IT officer enrols this computer with the central server. Registering works without it: records wait safely on this computer. Press Finish.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the server address and the one-time code from your IT officer, or leave both empty and press Finish to do it later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server &amp;address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One-time &amp;code:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Diaspora Desk: first start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SupervisorPage</name>
        <message>
            <source>At least 12 characters (a few words make a good one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a common or repetitive passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Both entries are the same</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating the encrypted store. This takes a few seconds...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The first supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The supervisor manages the clerks' accounts. Everyone gets their own account later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Show the passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules for the passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UnlockMessages</name>
        <message numerus="yes">
            <source>Wait %n minute(s) before trying again.</source>
            <translation>
                <numerusform>Wait %n minute before trying again.</numerusform>
                <numerusform>Wait %n minutes before trying again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wait %n second(s) before trying again.</source>
            <translation>
                <numerusform>Wait %n second before trying again.</numerusform>
                <numerusform>Wait %n seconds before trying again.</numerusform>
            </translation>
        </message>
        <message>
            <source>This account is locked after too many wrong passphrases. A supervisor can reset it, or use the recovery code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase is wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This passphrase is too easy to guess. Choose a longer one, for example four unrelated words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no operator with this name on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no Diaspora Desk store in this folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key file of this account is damaged. Use the recovery code to get back in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store was made by a newer Diaspora Desk. Install the newer version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message>
            <source>Twelve hours have passed since you unlocked: type your passphrase again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked after some minutes without use.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the passphrase...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You can try again now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diaspora Desk: unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diaspora Desk is locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
