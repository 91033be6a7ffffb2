<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>EraseRecord</name>
    <message>
        <source>The person withdrew their consent</source>
        <translation>A pessoa retirou o seu consentimento</translation>
    </message>
    <message>
        <source>The person asked to be erased</source>
        <translation>A pessoa pediu para ser apagada</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Registada por engano</translation>
    </message>
    <message>
        <source>A duplicate of another record</source>
        <translation>Duplicado de outro registo</translation>
    </message>
    <message>
        <source>The person died</source>
        <translation>A pessoa faleceu</translation>
    </message>
    <message>
        <source>A legal obligation</source>
        <translation>Uma obrigação legal</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Outro motivo</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Apagar esta pessoa</translation>
    </message>
    <message>
        <source>this person (no name typed)</source>
        <translation>esta pessoa (nenhum nome escrito)</translation>
    </message>
    <message>
        <source>Erase every trace of %1 from this laptop?</source>
        <translation>Apagar todos os vestígios de %1 deste computador?</translation>
    </message>
    <message>
        <source>Every version, draft and search entry of the record is deleted and cannot be brought back. If the server holds the record, it is erased there at the next sync, and then on every other laptop. The audit log keeps who erased it, when and why, never the answers.</source>
        <translation>Todas as versões, rascunhos e entradas de pesquisa do registo são eliminados sem retorno. Se o servidor tiver o registo, é apagado lá na próxima sincronização e depois em todos os outros computadores. O registo de auditoria guarda quem o apagou, quando e porquê, nunca as respostas.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Manter</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>%n record(s) of this batch are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n registo deste lote está agora apenas no servidor: este computador removeu-o depois de o servidor confirmar que o tem.</numerusform><numerusform>%n registos deste lote estão agora apenas no servidor: este computador removeu-os depois de o servidor confirmar que os tem.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) registered on this laptop are only on the server now: this laptop removed them after the server confirmed it holds them.</source>
        <translation><numerusform>%n registo feito neste computador está agora apenas no servidor: este computador removeu-o depois de o servidor confirmar que o tem.</numerusform><numerusform>%n registos feitos neste computador estão agora apenas no servidor: este computador removeu-os depois de o servidor confirmar que os tem.</numerusform></translation>
    </message>
    <message>
        <source>Erase this person...</source>
        <translation>Apagar esta pessoa...</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n unfinished registration(s) (drafts or autosaved forms) will be deleted on %1: nobody touched them for a long time. Finish them before that day.</source>
        <translation><numerusform>%n registo inacabado (rascunho ou formulário guardado automaticamente) será eliminado em %1: ninguém lhe tocou há muito tempo. Termine-o antes dessa data.</numerusform><numerusform>%n registos inacabados (rascunhos ou formulários guardados automaticamente) serão eliminados em %1: ninguém lhes tocou há muito tempo. Termine-os antes dessa data.</numerusform></translation>
    </message>
</context>
<context>
    <name>ServerOnly</name>
    <message>
        <source>Registration %1 is only on the server now: this laptop removed it on %2 after the server confirmed it holds it (sent on %3).</source>
        <translation>O registo %1 está agora apenas no servidor: este computador removeu-o em %2 depois de o servidor confirmar que o tem (enviado em %3).</translation>
    </message>
    <message>
        <source>More registrations start like this: type the whole reference.</source>
        <translation>Há mais registos que começam assim: escreva a referência completa.</translation>
    </message>
    <message>
        <source>Show which...</source>
        <translation>Ver quais...</translation>
    </message>
    <message>
        <source>List the records of this list that are only on the server now</source>
        <translation>Listar os registos desta lista que estão agora apenas no servidor</translation>
    </message>
    <message>
        <source>(a batch no longer on this laptop)</source>
        <translation>(um lote que já não está neste computador)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removido</translation>
    </message>
    <message>
        <source>Only on the server now</source>
        <translation>Agora apenas no servidor</translation>
    </message>
    <message>
        <source>These records were registered on this laptop and removed from it after the server confirmed it holds them. The laptop keeps only their registration reference and dates; the server has the records.</source>
        <translation>Estes registos foram feitos neste computador e removidos dele depois de o servidor confirmar que os tem. O computador guarda apenas a referência de registo e as datas; o servidor tem os registos.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message numerus="yes">
        <source>%n more record(s) were removed before this laptop kept the references of the records it removes; the server has them.</source>
        <translation><numerusform>Mais %n registo foi removido antes de este computador guardar as referências dos registos que remove; o servidor tem-no.</numerusform><numerusform>Mais %n registos foram removidos antes de este computador guardar as referências dos registos que remove; o servidor tem-nos.</numerusform></translation>
    </message>
</context>
</TS>
