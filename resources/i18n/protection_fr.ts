<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>EraseRecord</name>
    <message>
        <source>The person withdrew their consent</source>
        <translation>La personne a retiré son consentement</translation>
    </message>
    <message>
        <source>The person asked to be erased</source>
        <translation>La personne a demandé à être effacée</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Enregistrée par erreur</translation>
    </message>
    <message>
        <source>A duplicate of another record</source>
        <translation>Doublon d'une autre fiche</translation>
    </message>
    <message>
        <source>The person died</source>
        <translation>La personne est décédée</translation>
    </message>
    <message>
        <source>A legal obligation</source>
        <translation>Une obligation légale</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Un autre motif</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Effacer cette personne</translation>
    </message>
    <message>
        <source>this person (no name typed)</source>
        <translation>cette personne (aucun nom saisi)</translation>
    </message>
    <message>
        <source>Erase every trace of %1 from this laptop?</source>
        <translation>Effacer toute trace de %1 de cet ordinateur ?</translation>
    </message>
    <message>
        <source>Every version, draft and search entry of the record is deleted and cannot be brought back. If the server holds the record, it is erased there at the next sync, and then on every other laptop. The audit log keeps who erased it, when and why, never the answers.</source>
        <translation>Toutes les versions, brouillons et entrées de recherche de la fiche sont supprimés sans retour possible. Si le serveur détient la fiche, elle y est effacée à la prochaine synchronisation, puis sur tous les autres ordinateurs. Le journal d'audit garde qui l'a effacée, quand et pourquoi, jamais les réponses.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Erase this person...</source>
        <translation>Effacer cette personne...</translation>
    </message>
</context>
</TS>
