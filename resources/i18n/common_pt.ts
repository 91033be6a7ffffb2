<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
    <context>
        <name>WorkProgress</name>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="67" />
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <location filename="../../desktop/widgets/work_progress.py" line="113" />
            <source>Cancelling…</source>
            <translation>A cancelar…</translation>
        </message>
    </context>
    <context>
        <name>Sentences</name>
        <message>
            <location filename="../../desktop/windows/errors.py" line="123" />
            <source>Cancelled: no file was written.</source>
            <translation>Cancelado: nenhum ficheiro foi escrito.</translation>
        </message>
        <message>
            <location filename="../../desktop/windows/errors.py" line="125" />
            <source>Cancelled: nothing was imported.</source>
            <translation>Cancelado: nada foi importado.</translation>
        </message>
    </context>
</TS>
