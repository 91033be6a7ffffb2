<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>HostEventDialog</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event</source>
            <translation>Host this event</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event...</source>
            <translation>Host this event...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Clerk's laptop</source>
            <translation>Clerk's laptop</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>e.g. Clerk 2, Minneapolis</source>
            <translation>e.g. Clerk 2, Minneapolis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>New clerk code</source>
            <translation>New clerk code</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Stop hosting</source>
            <translation>Stop hosting</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Start hosting</source>
            <translation>Start hosting</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Not hosting. Clerks' laptops sync to this laptop while it hosts.</source>
            <translation>Not hosting. Clerks' laptops sync to this laptop while it hosts.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Hosting at {url}. Certificate fingerprint: {fingerprint}</source>
            <translation>Hosting at {url}. Certificate fingerprint: {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Starting...</source>
            <translation>Starting...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>The hub did not start: {reason}</source>
            <translation>The hub did not start: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</source>
            <translation>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</translation>
        </message>
    </context>
</TS>
