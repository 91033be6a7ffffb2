<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/conflicts.py" line="82"/>
        <source>%n version(s) the server did not accept.</source>
        <translation><numerusform>%n version the server did not accept.</numerusform><numerusform>%n versions the server did not accept.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="84"/>
        <source>No sync conflict is waiting.</source>
        <translation>No sync conflict is waiting.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="144"/>
        <source>Saved as a new version; it goes to the server at the next sync.</source>
        <translation>Saved as a new version; it goes to the server at the next sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="159"/>
        <source>The sync issue is marked as dealt with.</source>
        <translation>The sync issue is marked as dealt with.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Sent by this laptop</source>
        <translation>Sent by this laptop</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Version it replaced</source>
        <translation>Version it replaced</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="195"/>
        <source>Open to &amp;edit</source>
        <translation>Open to &amp;edit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="196"/>
        <source>&amp;Save as a new version</source>
        <translation>&amp;Save as a new version</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="197"/>
        <source>&amp;Mark dealt with</source>
        <translation>&amp;Mark dealt with</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/page.py" line="187"/>
        <source>%n record(s) sent back to you for correction.</source>
        <translation><numerusform>%n record sent back to you for correction.</numerusform><numerusform>%n records sent back to you for correction.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="189"/>
        <source>Nothing was sent back to you.</source>
        <translation>Nothing was sent back to you.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="274"/>
        <source>The record was sent back to its clerk.</source>
        <translation>The record was sent back to its clerk.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="288"/>
        <source>The batch is approved.</source>
        <translation>The batch is approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="293"/>
        <source>The batch was not approved: %1</source>
        <translation>The batch was not approved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="324"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="325"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="326"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="327"/>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="328"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="329"/>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="334"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="354"/>
        <source>Batches to review. Open a batch to read its records.</source>
        <translation>Batches to review. Open a batch to read its records.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="357"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="358"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="359"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="360"/>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="361"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="362"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="363"/>
        <source>Sent back</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="364"/>
        <source>Duplicates suspected</source>
        <translation>Duplicates suspected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="365"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Sent back with</source>
        <translation>Sent back with</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Sent back by</source>
        <translation>Sent back by</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="375"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="376"/>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="377"/>
        <source>&amp;Approve batch</source>
        <translation>&amp;Approve batch</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="378"/>
        <source>Send &amp;back…</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="379"/>
        <source>&amp;Open to correct</source>
        <translation>&amp;Open to correct</translation>
    </message>
    <message>
        <source>Place of registration</source>
        <translation>Place of registration</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>Form opened at</source>
        <translation>Form opened at</translation>
    </message>
    <message>
        <source>Form finished at</source>
        <translation>Form finished at</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>Privacy notice version</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Other answers</translation>
    </message>
    <message>
        <source>Approve the batch?</source>
        <translation>Approve the batch?</translation>
    </message>
    <message>
        <source>Approve the batch %1? It is closed if still open; nothing can be added to it or sent back afterwards, and its records can then be sent to the server.</source>
        <translation>Approve the batch %1? It is closed if still open; nothing can be added to it or sent back afterwards, and its records can then be sent to the server.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached photo</source>
            <translation>Attached photo</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached recording</source>
            <translation>Attached recording</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached video</source>
            <translation>Attached video</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached file</source>
            <translation>Attached file</translation>
        </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="14"/>
        <source>Send back for correction</source>
        <translation>Send back for correction</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="15"/>
        <source>What should the clerk correct in the record of %1?</source>
        <translation>What should the clerk correct in the record of %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="19"/>
        <source>For example: the birth date does not match the passport</source>
        <translation>For example: the birth date does not match the passport</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="23"/>
        <source>Send back</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="38"/>
        <source>Write what needs correcting first.</source>
        <translation>Write what needs correcting first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="41"/>
        <source>The comment is too long (at most %n characters).</source>
        <translation><numerusform>The comment is too long (at most %n character).</numerusform><numerusform>The comment is too long (at most %n characters).</numerusform></translation>
    </message>
</context>
</TS>