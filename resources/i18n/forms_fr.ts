<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Form:</source>
            <translation>Formulaire :</translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>form: %1</source>
            <translation>formulaire : %1</translation>
        </message>
        <message>
            <source>This batch is filled with the form %1: it comes with the next person.</source>
            <translation>Ce lot se remplit avec le formulaire %1 : il s'affiche pour la personne suivante.</translation>
        </message>
    </context>
</TS>
