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
    <message numerus="yes">
        <source>%n record(s) of this batch are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n fiche de ce lot n'est plus que sur le serveur : cet ordinateur l'a retirée après que le serveur a confirmé la détenir.</numerusform><numerusform>%n fiches de ce lot ne sont plus que sur le serveur : cet ordinateur les a retirées après que le serveur a confirmé les détenir.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) registered on this laptop are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n fiche enregistrée sur cet ordinateur n'est plus que sur le serveur : cet ordinateur l'a retirée après que le serveur a confirmé la détenir.</numerusform><numerusform>%n fiches enregistrées sur cet ordinateur ne sont plus que sur le serveur : cet ordinateur les a retirées après que le serveur a confirmé les détenir.</numerusform></translation>
    </message>
    <message>
        <source>Erase this person...</source>
        <translation>Effacer cette personne...</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n unfinished registration(s) (drafts or autosaved forms) will be deleted on %1: nobody touched them for a long time. Finish them before that day.</source>
        <translation><numerusform>%n enregistrement inachevé (brouillon ou formulaire sauvegardé automatiquement) sera supprimé le %1 : personne n'y a touché depuis longtemps. Terminez-le avant cette date.</numerusform><numerusform>%n enregistrements inachevés (brouillons ou formulaires sauvegardés automatiquement) seront supprimés le %1 : personne n'y a touché depuis longtemps. Terminez-les avant cette date.</numerusform></translation>
    </message>
</context>
</TS>
