<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>EraseRecord</name>
    <message>
        <source>The person withdrew their consent</source>
        <translation>The person withdrew their consent</translation>
    </message>
    <message>
        <source>The person asked to be erased</source>
        <translation>The person asked to be erased</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Registered in error</translation>
    </message>
    <message>
        <source>A duplicate of another record</source>
        <translation>A duplicate of another record</translation>
    </message>
    <message>
        <source>The person died</source>
        <translation>The person died</translation>
    </message>
    <message>
        <source>A legal obligation</source>
        <translation>A legal obligation</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Another reason</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Erase this person</translation>
    </message>
    <message>
        <source>this person (no name typed)</source>
        <translation>this person (no name typed)</translation>
    </message>
    <message>
        <source>Erase every trace of %1 from this laptop?</source>
        <translation>Erase every trace of %1 from this laptop?</translation>
    </message>
    <message>
        <source>Every version, draft and search entry of the record is deleted and cannot be brought back. If the server holds the record, it is erased there at the next sync, and then on every other laptop. The audit log keeps who erased it, when and why, never the answers.</source>
        <translation>Every version, draft and search entry of the record is deleted and cannot be brought back. If the server holds the record, it is erased there at the next sync, and then on every other laptop. The audit log keeps who erased it, when and why, never the answers.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>%n record(s) of this batch are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n record of this batch is only on the server now: this laptop removed it after the server confirmed it holds it.</numerusform><numerusform>%n records of this batch are only on the server now: this laptop removed them after the server confirmed it holds them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) registered on this laptop are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n record registered on this laptop is only on the server now: this laptop removed it after the server confirmed it holds it.</numerusform><numerusform>%n records registered on this laptop are only on the server now: this laptop removed them after the server confirmed it holds them.</numerusform></translation>
    </message>
    <message>
        <source>Erase this person...</source>
        <translation>Erase this person...</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n unfinished registration(s) (drafts or autosaved forms) will be deleted on %1: nobody touched them for a long time. Finish them before that day.</source>
        <translation><numerusform>%n unfinished registration (a draft or an autosaved form) will be deleted on %1: nobody touched it for a long time. Finish it before that day.</numerusform><numerusform>%n unfinished registrations (drafts or autosaved forms) will be deleted on %1: nobody touched them for a long time. Finish them before that day.</numerusform></translation>
    </message>
</context>
<context>
    <name>ServerOnly</name>
    <message>
        <source>Registration %1 is only on the server now: this laptop removed it on %2 after the server confirmed it holds it (sent on %3).</source>
        <translation>Registration %1 is only on the server now: this laptop removed it on %2 after the server confirmed it holds it (sent on %3).</translation>
    </message>
    <message>
        <source>More registrations start like this: type the whole reference.</source>
        <translation>More registrations start like this: type the whole reference.</translation>
    </message>
    <message>
        <source>Show which...</source>
        <translation>Show which...</translation>
    </message>
    <message>
        <source>List the records of this list that are only on the server now</source>
        <translation>List the records of this list that are only on the server now</translation>
    </message>
    <message>
        <source>(a batch no longer on this laptop)</source>
        <translation>(a batch no longer on this laptop)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Only on the server now</source>
        <translation>Only on the server now</translation>
    </message>
    <message>
        <source>These records were registered on this laptop and removed from it after the server confirmed it holds them. The laptop keeps only their registration reference and dates; the server has the records.</source>
        <translation>These records were registered on this laptop and removed from it after the server confirmed it holds them. The laptop keeps only their registration reference and dates; the server has the records.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) were removed before this laptop kept the references of the records it removes; the server has them.</source>
        <translation><numerusform>%n more record was removed before this laptop kept the references of the records it removes; the server has it.</numerusform><numerusform>%n more records were removed before this laptop kept the references of the records it removes; the server has them.</numerusform></translation>
    </message>
</context>
</TS>
