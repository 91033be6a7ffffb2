<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>WorkProgress</name>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="113" />
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Sentences</name>
        <message>
            <location filename="../../desktop/windows/errors.py" line="123" />
            <source>Cancelled: no file was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/windows/errors.py" line="125" />
            <source>Cancelled: nothing was imported.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
