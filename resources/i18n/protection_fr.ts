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
<context>
    <name>ServerOnly</name>
    <message>
        <source>Registration %1 is only on the server now: this laptop removed it on %2 after the server confirmed it holds it (sent on %3).</source>
        <translation>L'enregistrement %1 n'est plus que sur le serveur : cet ordinateur l'a retiré le %2 après que le serveur a confirmé le détenir (envoyé le %3).</translation>
    </message>
    <message>
        <source>More registrations start like this: type the whole reference.</source>
        <translation>D'autres enregistrements commencent ainsi : tapez la référence entière.</translation>
    </message>
    <message>
        <source>Show which...</source>
        <translation>Voir lesquelles...</translation>
    </message>
    <message>
        <source>List the records of this list that are only on the server now</source>
        <translation>Lister les fiches de cette liste qui ne sont plus que sur le serveur</translation>
    </message>
    <message>
        <source>(a batch no longer on this laptop)</source>
        <translation>(un lot qui n'est plus sur cet ordinateur)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Only on the server now</source>
        <translation>Plus que sur le serveur</translation>
    </message>
    <message>
        <source>These records were registered on this laptop and removed from it after the server confirmed it holds them. The laptop keeps only their registration reference and dates; the server has the records.</source>
        <translation>Ces fiches ont été enregistrées sur cet ordinateur, puis retirées après que le serveur a confirmé les détenir. L'ordinateur ne garde que leur référence d'enregistrement et leurs dates ; le serveur a les fiches.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) were removed before this laptop kept the references of the records it removes; the server has them.</source>
        <translation><numerusform>%n autre fiche a été retirée avant que cet ordinateur ne garde la référence des fiches qu'il retire ; le serveur l'a.</numerusform><numerusform>%n autres fiches ont été retirées avant que cet ordinateur ne garde la référence des fiches qu'il retire ; le serveur les a.</numerusform></translation>
    </message>
</context>
</TS>
