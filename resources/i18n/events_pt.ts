<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
    <context>
        <name>HostEventDialog</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event</source>
            <translation>Acolher este evento</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event...</source>
            <translation>Acolher este evento...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Port</source>
            <translation>Porta</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Clerk's laptop</source>
            <translation>Portátil do agente</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>e.g. Clerk 2, Minneapolis</source>
            <translation>p. ex. Agente 2, Minneapolis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>New clerk code</source>
            <translation>Novo código de agente</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Stop hosting</source>
            <translation>Parar de acolher</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Start hosting</source>
            <translation>Começar a acolher</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Not hosting. Clerks' laptops sync to this laptop while it hosts.</source>
            <translation>Sem acolhimento. Os portáteis dos agentes sincronizam com este portátil enquanto ele acolhe.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Hosting at {url}. Certificate fingerprint: {fingerprint}</source>
            <translation>A acolher em {url}. Impressão digital do certificado: {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Starting...</source>
            <translation>A iniciar...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>The hub did not start: {reason}</source>
            <translation>O ponto de acolhimento não arrancou: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</source>
            <translation>{laptops} portáteis; registos recebidos {received}, reencaminhados {relayed}, em espera {waiting}.</translation>
        </message>
    </context>
</TS>
