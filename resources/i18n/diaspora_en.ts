<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) today</source>
        <translation><numerusform>%n registration today</numerusform><numerusform>%n registrations today</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished draft(s)</source>
        <translation><numerusform>%n unfinished draft</numerusform><numerusform>%n unfinished drafts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n sent back, not corrected yet</source>
        <translation><numerusform>%n sent back, not corrected yet</numerusform><numerusform>%n sent back, not corrected yet</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation><numerusform>%n record waiting to sync</numerusform><numerusform>%n records waiting to sync</numerusform></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Investing</source>
        <translation>Investing</translation>
    </message>
    <message>
        <source>Skills transfer, return</source>
        <translation>Skills transfer, return</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Save the chart as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>The chart was saved to %1.</source>
        <translation>The chart was saved to %1.</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>The chart could not be saved to %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Registered today, per &amp;clerk</source>
        <translation>Registered today, per &amp;clerk</translation>
    </message>
    <message>
        <source>Registered today, per &amp;batch</source>
        <translation>Registered today, per &amp;batch</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <source>Country of residence</source>
        <translation>Country of residence</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Main skills sector</source>
        <translation>Main skills sector</translation>
    </message>
    <message>
        <source>Sectors of interest for investing</source>
        <translation>Sectors of interest for investing</translation>
    </message>
    <message>
        <source>Investment and return interest</source>
        <translation>Investment and return interest</translation>
    </message>
    <message>
        <source>No registration yet.</source>
        <translation>No registration yet.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Save as PNG: %1</source>
        <translation>Save as PNG: %1</translation>
    </message>
    <message>
        <source>Return, skills</source>
        <translation>Return, skills</translation>
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
        <name>MainWindow</name>
        <message>
            <source>lock now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>send the records to the server now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>import registrations from a spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>export records to Excel or CSV (supervisors)</source>
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
            <source>Sending records: %1 of %2</source>
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
            <source>&amp;Sync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import registrations...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export...</source>
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
        <message>
        <source>save the registration</source>
        <translation>save the registration</translation>
    </message>
    <message>
        <source>save it as a draft, to finish later</source>
        <translation>save it as a draft, to finish later</translation>
    </message>
    <message>
        <source>discard the draft on screen (after asking)</source>
        <translation>discard the draft on screen (after asking)</translation>
    </message>
    <message>
        <source>next person (an unfinished registration is kept as a draft)</source>
        <translation>next person (an unfinished registration is kept as a draft)</translation>
    </message>
    <message>
        <source>scan a passport's two machine-readable lines</source>
        <translation>scan a passport's two machine-readable lines</translation>
    </message>
    <message>
        <source>the person's receipt, after saving</source>
        <translation>the person's receipt, after saving</translation>
    </message>
    <message>
        <source>sections of the form and their progress</source>
        <translation>sections of the form and their progress</translation>
    </message>
    <message>
        <source>open, switch or close the batch being filled</source>
        <translation>open, switch or close the batch being filled</translation>
    </message>
    <message>
        <source>next / previous section of the form</source>
        <translation>next / previous section of the form</translation>
    </message>
    <message>
        <source>confirm, or go to the next question</source>
        <translation>confirm, or go to the next question</translation>
    </message>
</context>
    <context>
        <name>PassphraseRulesView</name>
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
            <source>Rules for the passphrase:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>The recovery code is wrong. Check it against the paper.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the recovery code from the paper kept in the office safe, and choose a new passphrase. The records are not changed. A name that is not an operator yet becomes a supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery &amp;code:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recover</source>
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
        <name>SpreadsheetDialogsController</name>
        <message>
            <source>Form not available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The registration form could not be loaded; reinstall Diaspora Desk.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SupervisorPage</name>
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
            <source>N&amp;ame:</source>
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
            <source>The data folder cannot be used (%1). Check the disk and its permissions.</source>
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
            <source>Diaspora Desk: warning</source>
            <translation type="unfinished" />
        </message>
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
            <source>Unlock Diaspora Desk</source>
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
        <message>
            <source>Forgot the passphrase? Use the recovery &amp;code...</source>
            <translation type="unfinished" />
        </message>
    </context>
<context>
    <name>SyncController</name>
    <message>
        <source>This laptop is not enrolled with a server; enrol it first.</source>
        <translation>This laptop is not enrolled with a server; enrol it first.</translation>
    </message>
    <message>
        <source>This laptop's sync keys were erased because the server marked it lost or revoked.</source>
        <translation>This laptop's sync keys were erased because the server marked it lost or revoked.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>The server could not be reached.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server's answer was cut off.</source>
        <translation>The server's answer was cut off.</translation>
    </message>
    <message>
        <source>The server's answer was incomplete.</source>
        <translation>The server's answer was incomplete.</translation>
    </message>
    <message>
        <source>The server is busy and asked to wait (429).</source>
        <translation>The server is busy and asked to wait (429).</translation>
    </message>
    <message>
        <source>Sync stopped because of an internal error; it will try again.</source>
        <translation>Sync stopped because of an internal error; it will try again.</translation>
    </message>
</context>
</TS>
