<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>HostEventDialog</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event</source>
            <translation>Accueillir cet événement</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event...</source>
            <translation>Accueillir cet événement...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Clerk's laptop</source>
            <translation>Ordinateur de l'agent</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>e.g. Clerk 2, Minneapolis</source>
            <translation>p. ex. Agent 2, Minneapolis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>New clerk code</source>
            <translation>Nouveau code d'agent</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Stop hosting</source>
            <translation>Arrêter l'accueil</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Start hosting</source>
            <translation>Commencer l'accueil</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Not hosting. Clerks' laptops sync to this laptop while it hosts.</source>
            <translation>Aucun accueil en cours. Les ordinateurs des agents se synchronisent avec cet ordinateur tant qu'il accueille.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Hosting at {url}. Certificate fingerprint: {fingerprint}</source>
            <translation>Accueil à l'adresse {url}. Empreinte du certificat : {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Starting...</source>
            <translation>Démarrage...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>The hub did not start: {reason}</source>
            <translation>Le point d'accueil n'a pas démarré : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</source>
            <translation>{laptops} ordinateurs ; enregistrements reçus {received}, relayés {relayed}, en attente {waiting}.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Review records...</source>
            <translation>Revoir les enregistrements...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>another laptop owns this record on the central server: give its administrator this reference</source>
            <translation>un autre ordinateur possède cet enregistrement sur le serveur central : donnez cette référence à son administrateur</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file changed after it was attached: ask the clerk to attach it again and sync</source>
            <translation>le fichier a changé après avoir été joint : demandez à l'agent de le joindre à nouveau et de synchroniser</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the central server cannot keep this file for this record: give its administrator this reference</source>
            <translation>le serveur central ne peut pas garder ce fichier pour cet enregistrement : donnez cette référence à son administrateur</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file is larger than the central server takes: ask the clerk to attach a smaller one and sync</source>
            <translation>le fichier dépasse la taille que le serveur central accepte : demandez à l'agent d'en joindre un plus petit et de synchroniser</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Attached files the central server refused: {count}. Their records wait on this laptop and go again at the next sync.</source>
            <translation>Fichiers joints refusés par le serveur central : {count}. Leurs enregistrements attendent sur cet ordinateur et repartent à la prochaine synchronisation.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>refused by the central server ({code})</source>
            <translation>refusé par le serveur central ({code})</translation>
        </message>
    </context>
    <context>
        <name>HostEventReview</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Review the event's records</source>
            <translation>Revoir les enregistrements de l'événement</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptops</source>
            <translation>Ordinateurs</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches received</source>
            <translation>Lots reçus</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Records</source>
            <translation>Enregistrements</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Show all laptops</source>
            <translation>Afficher tous les ordinateurs</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approve batch</source>
            <translation>Approuver le lot</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptop</source>
            <translation>Ordinateur</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches</source>
            <translation>Lots</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved</source>
            <translation>Approuvés</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Last seen</source>
            <translation>Dernier contact</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Received</source>
            <translation>Reçu</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved by</source>
            <translation>Approuvé par</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approval relayed</source>
            <translation>Approbation relayée</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Operator</source>
            <translation>Opérateur</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Form</source>
            <translation>Formulaire</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Relayed</source>
            <translation>Relayé</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The hub is not running; start hosting to review.</source>
            <translation>Le point d'accueil ne fonctionne pas ; commencez l'accueil pour revoir.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>{laptops} laptops sent {records} records in {batches} batches; {approved} batches approved.</source>
            <translation>{laptops} ordinateurs ont envoyé {records} enregistrements en {batches} lots ; {approved} lots approuvés.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>(erased)</source>
            <translation>(effacé)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The review could not be read: {reason}</source>
            <translation>La revue n'a pas pu être lue : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) approved by {name}; the approval goes with the relay.</source>
            <translation>Lot de {laptop} ({records} enregistrements) approuvé par {name} ; l'approbation part avec le relais.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not approved: {reason}</source>
            <translation>Le lot n'a pas été approuvé : {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send back...</source>
            <translation>Renvoyer...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Sent back</source>
            <translation>Renvoyé</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>by {name}: {note}</source>
            <translation>par {name} : {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send the batch back</source>
            <translation>Renvoyer le lot</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Why does the batch of {laptop} go back? The clerk sees this note.</source>
            <translation>Pourquoi le lot de {laptop} est-il renvoyé ? L'agent verra cette note.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) sent back; the laptop reopens it at its next sync.</source>
            <translation>Lot de {laptop} ({records} enregistrements) renvoyé ; l'ordinateur le rouvre à sa prochaine synchronisation.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not sent back: {reason}</source>
            <translation>Le lot n'a pas été renvoyé : {reason}</translation>
        </message>
    </context>
</TS>
