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
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Review records...</source>
            <translation>Rever os registos...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>another laptop owns this record on the central server: give its administrator this reference</source>
            <translation>outro portátil é dono deste registo no servidor central: dê esta referência ao seu administrador</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file changed after it was attached: ask the clerk to attach it again and sync</source>
            <translation>o ficheiro mudou depois de ser anexado: peça ao agente que o anexe de novo e sincronize</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the central server cannot keep this file for this record: give its administrator this reference</source>
            <translation>o servidor central não pode guardar este ficheiro para este registo: dê esta referência ao seu administrador</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file is larger than the central server takes: ask the clerk to attach a smaller one and sync</source>
            <translation>o ficheiro é maior do que o servidor central aceita: peça ao agente que anexe um mais pequeno e sincronize</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Attached files the central server refused: {count}. Their records wait on this laptop and go again at the next sync.</source>
            <translation>Ficheiros anexos recusados pelo servidor central: {count}. Os seus registos esperam neste portátil e seguem de novo na próxima sincronização.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>refused by the central server ({code})</source>
            <translation>recusado pelo servidor central ({code})</translation>
        </message>
    </context>
    <context>
        <name>HostEventReview</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Review the event's records</source>
            <translation>Rever os registos do evento</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptops</source>
            <translation>Portáteis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches received</source>
            <translation>Lotes recebidos</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Records</source>
            <translation>Registos</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Show all laptops</source>
            <translation>Mostrar todos os portáteis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approve batch</source>
            <translation>Aprovar o lote</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Refresh</source>
            <translation>Atualizar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptop</source>
            <translation>Portátil</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches</source>
            <translation>Lotes</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved</source>
            <translation>Aprovados</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Last seen</source>
            <translation>Último contacto</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Received</source>
            <translation>Recebido</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved by</source>
            <translation>Aprovado por</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approval relayed</source>
            <translation>Aprovação reencaminhada</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Operator</source>
            <translation>Operador</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Form</source>
            <translation>Formulário</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Relayed</source>
            <translation>Reencaminhado</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The hub is not running; start hosting to review.</source>
            <translation>O ponto de acolhimento não está a funcionar; comece o acolhimento para rever.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>{laptops} laptops sent {records} records in {batches} batches; {approved} batches approved.</source>
            <translation>{laptops} portáteis enviaram {records} registos em {batches} lotes; {approved} lotes aprovados.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>yes</source>
            <translation>sim</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>no</source>
            <translation>não</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>(erased)</source>
            <translation>(apagado)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The review could not be read: {reason}</source>
            <translation>A revisão não pôde ser lida: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) approved by {name}; the approval goes with the relay.</source>
            <translation>Lote de {laptop} ({records} registos) aprovado por {name}; a aprovação segue com o reencaminhamento.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not approved: {reason}</source>
            <translation>O lote não foi aprovado: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send back...</source>
            <translation>Devolver...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Sent back</source>
            <translation>Devolvido</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>by {name}: {note}</source>
            <translation>por {name}: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send the batch back</source>
            <translation>Devolver o lote</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Why does the batch of {laptop} go back? The clerk sees this note.</source>
            <translation>Porque é que o lote de {laptop} é devolvido? O agente vê esta nota.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) sent back; the laptop reopens it at its next sync.</source>
            <translation>Lote de {laptop} ({records} registos) devolvido; o portátil reabre-o na próxima sincronização.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not sent back: {reason}</source>
            <translation>O lote não foi devolvido: {reason}</translation>
        </message>
    </context>
</TS>
