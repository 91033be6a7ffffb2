<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en_US">
    <context>
        <name>AcknowledgeInput</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Open a batch</source>
            <translation>Abrir um lote</translation>
        </message>
        <message>
            <source>Event or consulate day:</source>
            <translation>Evento ou dia consular:</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>Local:</translation>
        </message>
        <message>
            <source>Day (YYYY-MM-DD):</source>
            <translation>Dia (AAAA-MM-DD):</translation>
        </message>
        <message>
            <source>for example: Minneapolis community day</source>
            <translation>por exemplo: dia comunitário de Minneapolis</translation>
        </message>
        <message>
            <source>Open batch</source>
            <translation>Abrir o lote</translation>
        </message>
        <message>
            <source>Give the batch a name, for example the event.</source>
            <translation>Dê um nome ao lote, por exemplo o evento.</translation>
        </message>
        <message>
            <source>Type the day as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Escreva o dia como AAAA-MM-DD ou DD/MM/AAAA.</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Same document number</source>
            <translation>Mesmo número de documento</translation>
        </message>
        <message>
            <source>Same birth date, similar name (%1%)</source>
            <translation>Mesma data de nascimento, nome semelhante (%1%)</translation>
        </message>
        <message>
            <source>Already registered?</source>
            <translation>Já registado?</translation>
        </message>
        <message>
            <source>The registry server knows no other registration of this person.</source>
            <translation>O servidor do registo não conhece outro registo desta pessoa.</translation>
        </message>
        <message>
            <source>Server reference: %1</source>
            <translation>Referência do servidor: %1</translation>
        </message>
        <message>
            <source>Registry server: possible match registered at %1 on %2</source>
            <translation>Servidor do registo: possível correspondência registada em %1 em %2</translation>
        </message>
        <message>
            <source>This person may already be registered on another desk. Continue if this is a different person, or cancel to check first.</source>
            <translation>Esta pessoa pode já estar registada noutro posto. Continue se for outra pessoa, ou cancele para verificar primeiro.</translation>
        </message>
        <message>
            <source>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</source>
            <translation>Esta pessoa pode já estar registada. Abra o registo anterior para o verificar ou atualizar, ou continue se for outra pessoa.</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Apelido</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Nome próprio</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Data de nascimento</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Porquê</translation>
        </message>
        <message>
            <source>Open the earlier record</source>
            <translation>Abrir o registo anterior</translation>
        </message>
        <message>
            <source>Continue: a different person</source>
            <translation>Continuar: outra pessoa</translation>
        </message>
    </context>
    <context>
        <name>FormRenderer</name>
        <message>
            <source>This question cannot be answered in this app; it stays empty.</source>
            <translation>Esta pergunta não pode ser respondida nesta aplicação; fica vazia.</translation>
        </message>
        <message>
            <source>Add another: %1</source>
            <translation>Adicionar: %1</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Remover %1</translation>
        </message>
        <message>
            <source>%1 no. %2</source>
            <translation>%1 n.º %2</translation>
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>YYYY-MM-DD or DD/MM/YYYY</source>
            <translation>AAAA-MM-DD ou DD/MM/AAAA</translation>
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation>AAAA-MM-DD HH:MM</translation>
        </message>
        <message>
            <source>HH:MM</source>
            <translation>HH:MM</translation>
        </message>
    </context>
    <context>
        <name>ProblemText</name>
        <message>
            <source>%1 %2 has only %3 days.</source>
            <translation>%1 de %2 tem só %3 dias.</translation>
        </message>
        <message>
            <source>There is no month %1: months go from 1 to 12 (DD/MM/YYYY).</source>
            <translation>Não existe o mês %1: os meses vão de 1 a 12 (DD/MM/AAAA).</translation>
        </message>
        <message>
            <source>Type + and the country code first (+1 612 555 0147), or choose the country of residence.</source>
            <translation>Escreva primeiro + e o indicativo do país (+351 912 345 678), ou escolha o país de residência.</translation>
        </message>
        <message>
            <source>+%1 is not a country code.</source>
            <translation>+%1 não é um indicativo de país.</translation>
        </message>
        <message>
            <source>Too few digits for a phone number with the country code +%1.</source>
            <translation>Poucos algarismos para um número com o indicativo +%1.</translation>
        </message>
        <message>
            <source>Too many digits for a phone number with the country code +%1.</source>
            <translation>Algarismos a mais para um número com o indicativo +%1.</translation>
        </message>
        <message>
            <source>No phone number with the country code +%1 has so many digits.</source>
            <translation>Nenhum número com o indicativo +%1 tem tantos algarismos.</translation>
        </message>
        <message>
            <source>Type digits only, with + and the country code in front; spaces and dashes are fine.</source>
            <translation>Escreva só algarismos, com + e o indicativo do país à frente; espaços e hífenes são aceites.</translation>
        </message>
        <message>
            <source>This answer is required.</source>
            <translation>Esta resposta é obrigatória.</translation>
        </message>
        <message>
            <source>This answer is not allowed here.</source>
            <translation>Esta resposta não é aceite aqui.</translation>
        </message>
        <message>
            <source>Type a whole number, for example 42.</source>
            <translation>Escreva um número inteiro, por exemplo 42.</translation>
        </message>
        <message>
            <source>Type a number, for example 3.5.</source>
            <translation>Escreva um número, por exemplo 3.5.</translation>
        </message>
        <message>
            <source>Type a date as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation>Escreva uma data como AAAA-MM-DD ou DD/MM/AAAA.</translation>
        </message>
        <message>
            <source>Type a date and time as YYYY-MM-DD HH:MM.</source>
            <translation>Escreva uma data e hora como AAAA-MM-DD HH:MM.</translation>
        </message>
        <message>
            <source>Type a time as HH:MM.</source>
            <translation>Escreva uma hora como HH:MM.</translation>
        </message>
        <message>
            <source>Type text here.</source>
            <translation>Escreva texto aqui.</translation>
        </message>
        <message>
            <source>“%1” is not one of the choices.</source>
            <translation>“%1” não é uma das opções.</translation>
        </message>
        <message>
            <source>Choose a value from %1 to %2.</source>
            <translation>Escolha um valor de %1 a %2.</translation>
        </message>
        <message>
            <source>This answer is calculated and cannot be typed.</source>
            <translation>Esta resposta é calculada e não pode ser escrita.</translation>
        </message>
        <message>
            <source>This answer does not apply to this person.</source>
            <translation>Esta resposta não se aplica a esta pessoa.</translation>
        </message>
        <message>
            <source>This answer cannot be used.</source>
            <translation>Esta resposta não pode ser usada.</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>More than %1 records found: type more to narrow the search.</source>
            <translation>Mais de %1 registos encontrados: escreva mais para restringir a pesquisa.</translation>
        </message>
        <message>
            <source>Discard draft... (Delete)</source>
            <translation>Eliminar o rascunho... (Delete)</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Registos</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>Todos os lotes</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) found</source>
            <translation>
                <numerusform>%n registo encontrado</numerusform>
                <numerusform>%n registos encontrados</numerusform>
            </translation>
        </message>
        <message>
            <source>The records could not be read.</source>
            <translation>Não foi possível ler os registos.</translation>
        </message>
        <message>
            <source>Search by name, document number or phone</source>
            <translation>Procurar por nome, número de documento ou telefone</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Qualquer estado</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Guardados</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Rascunhos</translation>
        </message>
        <message>
            <source>Created from</source>
            <translation>Criados de</translation>
        </message>
        <message>
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-DD</translation>
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation>Abrir (Enter)</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Apelido</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Nome próprio</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Data de nascimento</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefone</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Criado em</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>guardado</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>rascunho</translation>
        </message>
        <message>
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>Search by %1</source>
            <translation>Pesquisar por %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/pages/records/page.py" line="0" />
            <source>%n record(s) of the form %1 found</source>
            <translation>
                <numerusform>%n registo do formulário %1 encontrado</numerusform>
                <numerusform>%n registos do formulário %1 encontrados</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>The unfinished registration is back on screen.</source>
            <translation>O registo por terminar voltou ao ecrã.</translation>
        </message>
        <message>
            <source>Nothing was kept: no name or document number had been typed.</source>
            <translation>Nada foi guardado: não tinha sido escrito nenhum nome nem número de documento.</translation>
        </message>
        <message>
            <source>Nothing typed yet: there is no draft to keep.</source>
            <translation>Ainda nada escrito: não há rascunho a guardar.</translation>
        </message>
        <message>
            <source>The draft was discarded.</source>
            <translation>O rascunho foi eliminado.</translation>
        </message>
        <message>
            <source>Discard draft... (Ctrl+Shift+D)</source>
            <translation>Eliminar o rascunho... (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <source>Ctrl+B: open, switch or close the batch</source>
            <translation>Ctrl+B: abrir, mudar ou fechar o lote</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Registar</translation>
        </message>
        <message>
            <source>The registration form could not be loaded.</source>
            <translation>Não foi possível carregar o formulário de registo.</translation>
        </message>
        <message>
            <source>The unfinished registration was kept as a draft.</source>
            <translation>O registo por terminar foi guardado como rascunho.</translation>
        </message>
        <message>
            <source>That did not work; the registration is still on screen.</source>
            <translation>Não funcionou; o registo continua no ecrã.</translation>
        </message>
        <message>
            <source>No open batch: open one before registering.</source>
            <translation>Nenhum lote aberto: abra um antes de registar.</translation>
        </message>
        <message>
            <source>Open a batch...</source>
            <translation>Abrir um lote...</translation>
        </message>
        <message>
            <source>Batch: %1, %2, %3</source>
            <translation>Lote: %1, %2, %3</translation>
        </message>
        <message>
            <source>Close the batch</source>
            <translation>Fechar o lote</translation>
        </message>
        <message>
            <source>Form language:</source>
            <translation>Língua do formulário:</translation>
        </message>
        <message>
            <source>Editing a saved record: saving it makes a new version.</source>
            <translation>A editar um registo guardado: guardá-lo cria uma nova versão.</translation>
        </message>
        <message>
            <source>Save draft (Ctrl+D)</source>
            <translation>Guardar rascunho (Ctrl+D)</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Guardar (Ctrl+S)</translation>
        </message>
        <message>
            <source>Next person (Ctrl+N)</source>
            <translation>Pessoa seguinte (Ctrl+N)</translation>
        </message>
        <message>
            <source>Open a batch first: every registration belongs to a batch.</source>
            <translation>Abra primeiro um lote: cada registo pertence a um lote.</translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s) need attention before saving.</source>
            <translation>
                <numerusform>%n resposta precisa de atenção antes de guardar.</numerusform>
                <numerusform>%n respostas precisam de atenção antes de guardar.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved yet: the registration is still on screen.</source>
            <translation>Ainda não guardado: o registo continua no ecrã.</translation>
        </message>
        <message>
            <source>The earlier record is open; the answers typed just now were not saved.</source>
            <translation>O registo anterior está aberto; as respostas escritas agora não foram guardadas.</translation>
        </message>
        <message>
            <source>Draft saved. It stays on this computer, encrypted, until finished.</source>
            <translation>Rascunho guardado. Fica cifrado neste computador até ser terminado.</translation>
        </message>
        <message>
            <source>Saved. Press Ctrl+N for the next person.</source>
            <translation>Guardado. Prima Ctrl+N para a pessoa seguinte.</translation>
        </message>
    </context>
    <context>
        <name>SearchableChecklistInput</name>
        <message>
            <source>Type to filter the list</source>
            <translation>Escreva para filtrar a lista</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>Escolhidos: %1</translation>
        </message>
    </context>
    <context>
        <name>SearchableChoiceInput</name>
        <message>
            <source>Type to search</source>
            <translation>Escreva para procurar</translation>
        </message>
    </context>
<context>
    <name>SectionNavigator</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problema</numerusform><numerusform>%n problemas</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 de %2 respondidas</translation>
    </message>
    <message>
        <source>&amp;Sections (Ctrl+G)</source>
        <translation>&amp;Secções (Ctrl+G)</translation>
    </message>
    <message>
        <source>Sections of the form</source>
        <translation>Secções do formulário</translation>
    </message>
</context>
<context>
    <name>MrzDialog</name>
    <message>
        <source>All check digits are right: %1 %2, born %3, document %4, expires %5.</source>
        <translation>Todos os dígitos de controlo estão certos: %1 %2, nascido(a) em %3, documento %4, expira em %5.</translation>
    </message>
    <message>
        <source>%1 is not a country of the form's list: choose the nationality by hand.</source>
        <translation>%1 não é um país da lista do formulário: escolha a nacionalidade à mão.</translation>
    </message>
    <message>
        <source>the document number</source>
        <translation>o número do documento</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>a data de nascimento</translation>
    </message>
    <message>
        <source>the expiry date</source>
        <translation>a data de validade</translation>
    </message>
    <message>
        <source>the personal number</source>
        <translation>o número pessoal</translation>
    </message>
    <message>
        <source>the whole second line (last character)</source>
        <translation>toda a segunda linha (último carácter)</translation>
    </message>
    <message>
        <source>The check digit of %1 does not match: a character was misread or mistyped. Nothing was filled in; compare the lines with the passport.</source>
        <translation>O dígito de controlo de %1 não corresponde: um carácter foi mal lido ou mal escrito. Nada foi preenchido; compare as linhas com o passaporte.</translation>
    </message>
    <message>
        <source>Type or scan both lines under the photo (two lines of 44 characters).</source>
        <translation>Escreva ou leia as duas linhas por baixo da fotografia (duas linhas de 44 caracteres).</translation>
    </message>
    <message>
        <source>Line %1 must have 44 characters; check for a missing or extra character.</source>
        <translation>A linha %1 deve ter 44 caracteres; procure um carácter em falta ou a mais.</translation>
    </message>
    <message>
        <source>The lines hold only capital letters, digits and &lt;.</source>
        <translation>As linhas só contêm maiúsculas, algarismos e &lt;.</translation>
    </message>
    <message>
        <source>This is not a passport: its first line does not start with P.</source>
        <translation>Isto não é um passaporte: a primeira linha não começa por P.</translation>
    </message>
    <message>
        <source>The sex must be F, M, X or &lt;.</source>
        <translation>O sexo deve ser F, M, X ou &lt;.</translation>
    </message>
    <message>
        <source>A date in the second line is not a real date.</source>
        <translation>Uma data da segunda linha não é uma data real.</translation>
    </message>
    <message>
        <source>Scan passport</source>
        <translation>Ler o passaporte</translation>
    </message>
    <message>
        <source>Scan the two lines at the bottom of the passport's photo page with the reader, or type or paste them here (44 characters each, &lt; included).</source>
        <translation>Leia com o leitor as duas linhas no fundo da página da fotografia do passaporte, ou escreva-as ou cole-as aqui (44 caracteres cada, &lt; incluído).</translation>
    </message>
    <message>
        <source>Fill in the form</source>
        <translation>Preencher o formulário</translation>
    </message>
</context>
<context>
    <name>PassportAction</name>
    <message>
        <source>The passport's details were filled in; check them.</source>
        <translation>Os dados do passaporte foram preenchidos; verifique-os.</translation>
    </message>
    <message>
        <source>Scan passport… (Ctrl+M)</source>
        <translation>Ler o passaporte… (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt for the person</source>
        <translation>Comprovativo para a pessoa</translation>
    </message>
    <message>
        <source>The receipt of %1: its reference, what was recorded and how the data is protected.</source>
        <translation>O comprovativo de %1: a referência, o que foi registado e como os dados são protegidos.</translation>
    </message>
    <message>
        <source>Receipt &amp;language:</source>
        <translation>&amp;Língua do comprovativo:</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar em PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
</context>
<context>
    <name>ReceiptAction</name>
    <message>
        <source>Save the registration first: the receipt shows what was saved.</source>
        <translation>Guarde primeiro o registo: o comprovativo mostra o que foi guardado.</translation>
    </message>
    <message>
        <source>The receipt could not be made.</source>
        <translation>Não foi possível fazer o comprovativo.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Guardar o comprovativo</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt %1 was saved to %2.</source>
        <translation>O comprovativo %1 foi guardado em %2.</translation>
    </message>
    <message>
        <source>The receipt %1 was sent to the printer.</source>
        <translation>O comprovativo %1 foi enviado para a impressora.</translation>
    </message>
    <message>
        <source>Receipt… (Ctrl+P)</source>
        <translation>Comprovativo… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print or save the person's receipt of the saved registration</source>
        <translation>Imprimir ou guardar o comprovativo do registo guardado</translation>
    </message>
</context>
    <context>
        <name>AutosaveKeeper</name>
        <message>
            <source>Unfinished registration</source>
            <translation>Registo por terminar</translation>
        </message>
        <message>
            <source>Continue the registration of %1?</source>
            <translation>Continuar o registo de %1?</translation>
        </message>
        <message>
            <source>Continue the unfinished registration?</source>
            <translation>Continuar o registo por terminar?</translation>
        </message>
        <message>
            <source>It was on screen when the desk was last locked or closed; discarding cannot be undone.</source>
            <translation>Estava no ecrã quando o posto foi bloqueado ou fechado pela última vez; eliminá-lo é definitivo.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <source>The unfinished registration was discarded.</source>
            <translation>O registo por terminar foi eliminado.</translation>
        </message>
    </context>
    <context>
        <name>DiscardDraft</name>
        <message>
            <source>Discard the draft</source>
            <translation>Eliminar o rascunho</translation>
        </message>
        <message>
            <source>this person (no name typed)</source>
            <translation>esta pessoa (sem nome escrito)</translation>
        </message>
        <message>
            <source>Discard the draft of %1?</source>
            <translation>Eliminar o rascunho de %1?</translation>
        </message>
        <message>
            <source>What was typed in it is lost. A saved record is never discarded.</source>
            <translation>O que nele foi escrito perde-se. Um registo guardado nunca é eliminado.</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Mantê-lo</translation>
        </message>
    </context>
    <context>
        <name>BatchMenu</name>
        <message>
            <source>%1, %2, %3</source>
            <translation>%1, %2, %3</translation>
        </message>
        <message>
            <source>Open a new batch...</source>
            <translation>Abrir um novo lote...</translation>
        </message>
        <message>
            <source>Close the current batch</source>
            <translation>Fechar o lote atual</translation>
        </message>
    </context>
<context>
    <name>ProblemText</name>
    <message>
        <source>Type the latitude and longitude in degrees, for example 6.3 and -10.8.</source>
        <translation>Escreva a latitude e a longitude em graus, por exemplo 6.3 e -10.8.</translation>
    </message>
    <message>
        <source>A latitude goes from -90 to 90 and a longitude from -180 to 180; the accuracy is not negative.</source>
        <translation>Uma latitude vai de -90 a 90 e uma longitude de -180 a 180; a precisão não é negativa.</translation>
    </message>
    <message>
        <source>Type one point per line (latitude longitude); a line needs 2 points, an area 3.</source>
        <translation>Escreva um ponto por linha (latitude longitude); uma linha precisa de 2 pontos, uma área de 3.</translation>
    </message>
    <message>
        <source>Attach the file again with the button.</source>
        <translation>Anexe o ficheiro de novo com o botão.</translation>
    </message>
</context>
<context>
    <name>GeopointInput</name>
    <message>
        <source>Latitude (°)</source>
        <translation>Latitude (°)</translation>
    </message>
    <message>
        <source>Longitude (°)</source>
        <translation>Longitude (°)</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>Altitude (m)</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>Precisão (m)</translation>
    </message>
</context>
<context>
    <name>GeoTraceInput</name>
    <message>
        <source>One point per line: latitude longitude, e.g. 6.3 -10.8</source>
        <translation>Um ponto por linha: latitude longitude, p. ex. 6.3 -10.8</translation>
    </message>
</context>
<context>
    <name>AttachmentInput</name>
    <message>
        <source>Choose a file…</source>
        <translation>Escolher um ficheiro…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Substituir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Anexar um ficheiro</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>O ficheiro “%1” não pode ser lido: %2</translation>
    </message>
    <message>
        <source>Files cannot be attached here: the store is not open.</source>
        <translation>Não é possível anexar ficheiros aqui: o armazenamento não está aberto.</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Nenhum ficheiro anexado</translation>
    </message>
</context>
<context>
    <name>SignatureInput</name>
    <message>
        <source>Choose a file…</source>
        <translation>Escolher um ficheiro…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Substituir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Anexar um ficheiro</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read: %2</source>
        <translation>O ficheiro “%1” não pode ser lido: %2</translation>
    </message>
    <message>
        <source>Files cannot be attached here: the store is not open.</source>
        <translation>Não é possível anexar ficheiros aqui: o armazenamento não está aberto.</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>Nenhum ficheiro anexado</translation>
    </message>
    <message>
        <source>Clear the signature</source>
        <translation>Apagar a assinatura</translation>
    </message>
</context>
</TS>
