<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en_US">
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Form:</source>
            <translation>Formulário:</translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>form: %1</source>
            <translation>formulário: %1</translation>
        </message>
        <message>
            <source>This batch is filled with the form %1: it comes with the next person.</source>
            <translation>Este lote é preenchido com o formulário %1: aparece com a pessoa seguinte.</translation>
        </message>
    </context>
</TS>
