<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/page.py" line="199"/>
        <source>%n record(s) sent back to you for correction.</source>
        <translation><numerusform>%n enregistrement vous a été renvoyé pour correction.</numerusform><numerusform>%n enregistrements vous ont été renvoyés pour correction.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="201"/>
        <source>Nothing was sent back to you.</source>
        <translation>Rien ne vous a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="286"/>
        <source>The record was sent back to its clerk.</source>
        <translation>L'enregistrement a été renvoyé à son agent.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="300"/>
        <source>The batch is approved.</source>
        <translation>Le lot est approuvé.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="305"/>
        <source>The batch was not approved: %1</source>
        <translation>Le lot n'a pas été approuvé : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="336"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="337"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="338"/>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="339"/>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="340"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="341"/>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="346"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="365"/>
        <source>Batches to review. Open a batch to read its records.</source>
        <translation>Lots à revoir. Ouvrez un lot pour lire ses enregistrements.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="368"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="370"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="372"/>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="374"/>
        <source>Sent back</source>
        <translation>Renvoyés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="375"/>
        <source>Duplicates suspected</source>
        <translation>Doublons suspectés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="376"/>
        <source>Synced</source>
        <translation>Synchronisés</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="380"/>
        <source>Sent back with</source>
        <translation>Renvoyé avec</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="382"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="382"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="384"/>
        <source>Sent back by</source>
        <translation>Renvoyé par</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="386"/>
        <source>&amp;Approve batch</source>
        <translation>&amp;Approuver le lot</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="387"/>
        <source>Send &amp;back…</source>
        <translation>&amp;Renvoyer…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="388"/>
        <source>&amp;Open to correct</source>
        <translation>&amp;Ouvrir pour corriger</translation>
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