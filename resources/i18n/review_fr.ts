<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/conflicts.py" line="82"/>
        <source>%n version(s) the server did not accept.</source>
        <translation><numerusform>%n version que le serveur n'a pas acceptée.</numerusform><numerusform>%n versions que le serveur n'a pas acceptées.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="84"/>
        <source>No sync conflict is waiting.</source>
        <translation>Aucun conflit de synchronisation en attente.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="144"/>
        <source>Saved as a new version; it goes to the server at the next sync.</source>
        <translation>Enregistré comme nouvelle version ; elle partira vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="159"/>
        <source>The sync issue is marked as dealt with.</source>
        <translation>Le problème de synchronisation est marqué comme traité.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>rejected</source>
        <translation>refusée</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Sent by this laptop</source>
        <translation>Envoyée par cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Version it replaced</source>
        <translation>Version remplacée</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="195"/>
        <source>Open to &amp;edit</source>
        <translation>Ouvrir pour &amp;modifier</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="196"/>
        <source>&amp;Save as a new version</source>
        <translation>&amp;Enregistrer comme nouvelle version</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="197"/>
        <source>&amp;Mark dealt with</source>
        <translation>Marquer comme &amp;traité</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/page.py" line="187"/>
        <source>%n record(s) sent back to you for correction.</source>
        <translation><numerusform>%n enregistrement vous a été renvoyé pour correction.</numerusform><numerusform>%n enregistrements vous ont été renvoyés pour correction.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="189"/>
        <source>Nothing was sent back to you.</source>
        <translation>Rien ne vous a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="274"/>
        <source>The record was sent back to its clerk.</source>
        <translation>L'enregistrement a été renvoyé à son agent.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="288"/>
        <source>The batch is approved.</source>
        <translation>Le lot est approuvé.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="293"/>
        <source>The batch was not approved: %1</source>
        <translation>Le lot n'a pas été approuvé : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="324"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="325"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="326"/>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="327"/>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="328"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="329"/>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="334"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="354"/>
        <source>Batches to review. Open a batch to read its records.</source>
        <translation>Lots à revoir. Ouvrez un lot pour lire ses enregistrements.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="357"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="358"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="359"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="360"/>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="361"/>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="362"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="363"/>
        <source>Sent back</source>
        <translation>Renvoyés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="364"/>
        <source>Duplicates suspected</source>
        <translation>Doublons suspectés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="365"/>
        <source>Synced</source>
        <translation>Synchronisés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Sent back with</source>
        <translation>Renvoyé avec</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Sent back by</source>
        <translation>Renvoyé par</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="375"/>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="376"/>
        <source>Sync conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="377"/>
        <source>&amp;Approve batch</source>
        <translation>&amp;Approuver le lot</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="378"/>
        <source>Send &amp;back…</source>
        <translation>&amp;Renvoyer…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="379"/>
        <source>&amp;Open to correct</source>
        <translation>&amp;Ouvrir pour corriger</translation>
    </message>
    <message>
        <source>Place of registration</source>
        <translation>Lieu d'enregistrement</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Form opened at</source>
        <translation>Formulaire ouvert le</translation>
    </message>
    <message>
        <source>Form finished at</source>
        <translation>Formulaire terminé le</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>Version de l'avis de confidentialité</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Autres réponses</translation>
    </message>
    <message>
        <source>Approve the batch?</source>
        <translation>Approuver le lot ?</translation>
    </message>
    <message>
        <source>Approve the batch %1? It is closed if still open; nothing can be added to it or sent back afterwards, and its records can then be sent to the server.</source>
        <translation>Approuver le lot %1 ? Il est clôturé s'il est encore ouvert ; rien ne pourra plus y être ajouté ni renvoyé, et ses fiches pourront alors être envoyées au serveur.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached photo</source>
            <translation>Photo jointe</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached recording</source>
            <translation>Enregistrement joint</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached video</source>
            <translation>Vidéo jointe</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached file</source>
            <translation>Fichier joint</translation>
        </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="14"/>
        <source>Send back for correction</source>
        <translation>Renvoyer pour correction</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="15"/>
        <source>What should the clerk correct in the record of %1?</source>
        <translation>Que doit corriger l'agent dans l'enregistrement de %1 ?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="19"/>
        <source>For example: the birth date does not match the passport</source>
        <translation>Par exemple : la date de naissance ne correspond pas au passeport</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="23"/>
        <source>Send back</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="38"/>
        <source>Write what needs correcting first.</source>
        <translation>Écrivez d'abord ce qu'il faut corriger.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="41"/>
        <source>The comment is too long (at most %n characters).</source>
        <translation><numerusform>Le commentaire est trop long (au plus %n caractère).</numerusform><numerusform>Le commentaire est trop long (au plus %n caractères).</numerusform></translation>
    </message>
</context>
</TS>