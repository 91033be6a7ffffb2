<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>WorkProgress</name>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="113" />
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
    </context>
    <context>
        <name>Sentences</name>
        <message>
            <location filename="../../desktop/windows/errors.py" line="123" />
            <source>Cancelled: no file was written.</source>
            <translation>Annulé : aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop/windows/errors.py" line="125" />
            <source>Cancelled: nothing was imported.</source>
            <translation>Annulé : rien n'a été importé.</translation>
        </message>
    </context>
</TS>
