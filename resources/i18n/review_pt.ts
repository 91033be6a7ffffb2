<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/conflicts.py" line="82"/>
        <source>%n version(s) the server did not accept.</source>
        <translation><numerusform>%n versão que o servidor não aceitou.</numerusform><numerusform>%n versões que o servidor não aceitou.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="84"/>
        <source>No sync conflict is waiting.</source>
        <translation>Nenhum conflito de sincronização em espera.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="144"/>
        <source>Saved as a new version; it goes to the server at the next sync.</source>
        <translation>Guardado como nova versão; segue para o servidor na próxima sincronização.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="159"/>
        <source>The sync issue is marked as dealt with.</source>
        <translation>O problema de sincronização está marcado como tratado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>conflict</source>
        <translation>conflito</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="173"/>
        <source>rejected</source>
        <translation>recusada</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Person</source>
        <translation>Pessoa</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="190"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Question</source>
        <translation>Pergunta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Sent by this laptop</source>
        <translation>Enviada por este computador</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="193"/>
        <source>Version it replaced</source>
        <translation>Versão substituída</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="195"/>
        <source>Open to &amp;edit</source>
        <translation>Abrir para &amp;editar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="196"/>
        <source>&amp;Save as a new version</source>
        <translation>&amp;Guardar como nova versão</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/conflicts.py" line="197"/>
        <source>&amp;Mark dealt with</source>
        <translation>&amp;Marcar como tratado</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/page.py" line="187"/>
        <source>%n record(s) sent back to you for correction.</source>
        <translation><numerusform>%n registo foi-lhe devolvido para correção.</numerusform><numerusform>%n registos foram-lhe devolvidos para correção.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="189"/>
        <source>Nothing was sent back to you.</source>
        <translation>Nada lhe foi devolvido.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="274"/>
        <source>The record was sent back to its clerk.</source>
        <translation>O registo foi devolvido ao seu agente.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="288"/>
        <source>The batch is approved.</source>
        <translation>O lote está aprovado.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="293"/>
        <source>The batch was not approved: %1</source>
        <translation>O lote não foi aprovado: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="324"/>
        <source>open</source>
        <translation>aberto</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="325"/>
        <source>closed</source>
        <translation>fechado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="326"/>
        <source>approved</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="327"/>
        <source>synced</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="328"/>
        <source>draft</source>
        <translation>rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="329"/>
        <source>saved</source>
        <translation>guardado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="334"/>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="354"/>
        <source>Batches to review. Open a batch to read its records.</source>
        <translation>Lotes a rever. Abra um lote para ler os seus registos.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="357"/>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="358"/>
        <source>Place</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="359"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="360"/>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="361"/>
        <source>Records</source>
        <translation>Registos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="362"/>
        <source>Drafts</source>
        <translation>Rascunhos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="363"/>
        <source>Sent back</source>
        <translation>Devolvidos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="364"/>
        <source>Duplicates suspected</source>
        <translation>Duplicados suspeitos</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="365"/>
        <source>Synced</source>
        <translation>Sincronizados</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Person</source>
        <translation>Pessoa</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Clerk</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="369"/>
        <source>Sent back with</source>
        <translation>Devolvido com</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Question</source>
        <translation>Pergunta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="371"/>
        <source>Answer</source>
        <translation>Resposta</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="373"/>
        <source>Sent back by</source>
        <translation>Devolvido por</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="375"/>
        <source>Batches</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="376"/>
        <source>Sync conflicts</source>
        <translation>Conflitos de sincronização</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="377"/>
        <source>&amp;Approve batch</source>
        <translation>&amp;Aprovar o lote</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="378"/>
        <source>Send &amp;back…</source>
        <translation>&amp;Devolver…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/page.py" line="379"/>
        <source>&amp;Open to correct</source>
        <translation>A&amp;brir para corrigir</translation>
    </message>
    <message>
        <source>Place of registration</source>
        <translation>Local de registo</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registado por</translation>
    </message>
    <message>
        <source>Form opened at</source>
        <translation>Formulário aberto em</translation>
    </message>
    <message>
        <source>Form finished at</source>
        <translation>Formulário terminado em</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>Versão do aviso de privacidade</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Outras respostas</translation>
    </message>
    <message>
        <source>Approve the batch?</source>
        <translation>Aprovar o lote?</translation>
    </message>
    <message>
        <source>Approve the batch %1? It is closed if still open; nothing can be added to it or sent back afterwards, and its records can then be sent to the server.</source>
        <translation>Aprovar o lote %1? É fechado se ainda estiver aberto; depois nada lhe pode ser acrescentado nem devolvido, e os seus registos podem então ser enviados ao servidor.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprovar</translation>
    </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached photo</source>
            <translation>Fotografia anexa</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached recording</source>
            <translation>Gravação anexa</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached video</source>
            <translation>Vídeo anexo</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/review/page.py" line="0" />
            <source>Attached file</source>
            <translation>Ficheiro anexo</translation>
        </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="14"/>
        <source>Send back for correction</source>
        <translation>Devolver para correção</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="15"/>
        <source>What should the clerk correct in the record of %1?</source>
        <translation>O que deve o agente corrigir no registo de %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="19"/>
        <source>For example: the birth date does not match the passport</source>
        <translation>Por exemplo: a data de nascimento não corresponde ao passaporte</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="23"/>
        <source>Send back</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="38"/>
        <source>Write what needs correcting first.</source>
        <translation>Escreva primeiro o que deve ser corrigido.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/pages/review/send_back_dialog.py" line="41"/>
        <source>The comment is too long (at most %n characters).</source>
        <translation><numerusform>O comentário é demasiado longo (no máximo %n caráter).</numerusform><numerusform>O comentário é demasiado longo (no máximo %n carateres).</numerusform></translation>
    </message>
</context>
</TS>