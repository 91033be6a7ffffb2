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
    </context>
</TS>
