<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Form:</source>
            <translation>Form:</translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>form: %1</source>
            <translation>form: %1</translation>
        </message>
        <message>
            <source>This batch is filled with the form %1: it comes with the next person.</source>
            <translation>This batch is filled with the form %1: it comes with the next person.</translation>
        </message>
    </context>
</TS>
