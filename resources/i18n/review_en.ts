<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/page.py" line="199"/>
        <source>%n record(s) sent back to you for correction.</source>
        <translation><numerusform>%n record sent back to you for correction.</numerusform><numerusform>%n records sent back to you for correction.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="201"/>
        <source>Nothing was sent back to you.</source>
        <translation>Nothing was sent back to you.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="286"/>
        <source>The record was sent back to its clerk.</source>
        <translation>The record was sent back to its clerk.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="300"/>
        <source>The batch is approved.</source>
        <translation>The batch is approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="305"/>
        <source>The batch was not approved: %1</source>
        <translation>The batch was not approved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="336"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="337"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="338"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="339"/>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="340"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="341"/>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="346"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="365"/>
        <source>Batches to review. Open a batch to read its records.</source>
        <translation>Batches to review. Open a batch to read its records.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="368"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="370"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="372"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="374"/>
        <source>Sent back</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="375"/>
        <source>Duplicates suspected</source>
        <translation>Duplicates suspected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="376"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Sent back with</source>
        <translation>Sent back with</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="382"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="382"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Sent back by</source>
        <translation>Sent back by</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="386"/>
        <source>&amp;Approve batch</source>
        <translation>&amp;Approve batch</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="387"/>
        <source>Send &amp;back…</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="388"/>
        <source>&amp;Open to correct</source>
        <translation>&amp;Open to correct</translation>
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