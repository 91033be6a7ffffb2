<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="145" />
            <source>Import registrations</source>
            <translation>Importar registos</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="146" />
            <source>&amp;Batch:</source>
            <translation>&amp;Lote:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="147" />
            <source>&amp;Place (for a new batch):</source>
            <translation>&amp;Local (para um novo lote):</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="148" />
            <source>&amp;File (.csv or .xlsx):</source>
            <translation>&amp;Ficheiro (.csv ou .xlsx):</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="149" />
            <source>&amp;Choose…</source>
            <translation>&amp;Escolher…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="152" />
            <source>an open batch, or the name of a new one</source>
            <translation>um lote aberto, ou o nome de um novo</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="153" />
            <source>Write an empty &amp;template…</source>
            <translation>Escrever um &amp;modelo vazio…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="154" />
            <source>&amp;Import</source>
            <translation>&amp;Importar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="155" />
            <location filename="../../desktop/dialogs/import_dialog.py" line="276" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="155" />
            <location filename="../../desktop/dialogs/import_dialog.py" line="276" />
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Row</source>
            <translation>Linha</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Column</source>
            <translation>Coluna</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="156" />
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Choose the file to import</source>
            <translation>Escolher o ficheiro a importar</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="216" />
            <source>Spreadsheets (*.csv *.xlsx)</source>
            <translation>Folhas de cálculo (*.csv *.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="224" />
            <source>Save the import template</source>
            <translation>Guardar o modelo de importação</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="226" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Livro Excel (*.xlsx)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="235" />
            <source>Template written: %n column(s).</source>
            <translation>
                <numerusform>Modelo escrito: %n coluna.</numerusform>
                <numerusform>Modelo escrito: %n colunas.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="246" />
            <source>Choose a .csv or .xlsx file to import.</source>
            <translation>Escolha um ficheiro .csv ou .xlsx para importar.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="250" />
            <source>Choose the batch the records go into, or type a new name.</source>
            <translation>Escolha o lote que recebe os registos, ou escreva um novo nome.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="259" />
            <source>Checking rows…</source>
            <translation>A verificar as linhas…</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="285" />
            <source>Checking rows… %1</source>
            <translation>A verificar as linhas… %1</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="287" />
            <source>Saving records… %1</source>
            <translation>A guardar os registos… %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="302" />
            <source>Imported %n record(s).</source>
            <translation>
                <numerusform>%n registo importado.</numerusform>
                <numerusform>%n registos importados.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="309" />
            <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
            <translation>
                <numerusform>Nada foi importado: %n linha recusada. Corrija-a no ficheiro e importe-o de novo.</numerusform>
                <numerusform>Nada foi importado: %n linhas recusadas. Corrija-as no ficheiro e importe-o de novo.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="329" />
            <source>Cancelled: nothing was imported.</source>
            <translation>Cancelado: nada foi importado.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="335" />
            <source>The store is locked: unlock it, then import again.</source>
            <translation>A base cifrada está bloqueada: desbloqueie-a e importe de novo.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="340" />
            <source>The import failed; nothing was imported.</source>
            <translation>A importação falhou; nada foi importado.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="345" />
            <source>Cancelling…</source>
            <translation>A cancelar…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="334" />
            <source>%n more problem(s) not listed: fix these, then import again.</source>
            <translation>
                <numerusform>Mais %n problema não listado: corrija estes e importe novamente.</numerusform>
                <numerusform>Mais %n problemas não listados: corrija estes e importe novamente.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportReasons</name>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>required, but empty</source>
            <translation>obrigatório, mas vazio</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a whole number</source>
            <translation>não é um número inteiro</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a number</source>
            <translation>não é um número</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>não é uma data válida (esperado AAAA-MM-DD ou DD/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
            <translation>não é uma data e hora válidas (esperado AAAA-MM-DD HH:MM)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a valid time (expected HH:MM)</source>
            <translation>não é uma hora válida (esperado HH:MM)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not text</source>
            <translation>não é texto</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not one of the allowed values (see the Choices sheet of the template)</source>
            <translation>não é um dos valores permitidos (ver a folha Choices do modelo)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>read-only in the form: leave this column empty</source>
            <translation>só de leitura no formulário: deixe esta coluna vazia</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a field of the form</source>
            <translation>não é um campo do formulário</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>should be empty: the form does not ask this question given the other answers</source>
            <translation>deveria estar vazio: o formulário não faz esta pergunta com as outras respostas</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>repeated answers cannot be imported from a spreadsheet</source>
            <translation>respostas repetidas não podem ser importadas de uma folha de cálculo</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>computed by the form: leave this column empty</source>
            <translation>calculado pelo formulário: deixe esta coluna vazia</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a value under a column without a name</source>
            <translation>um valor numa coluna sem nome</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such day in that month (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>esse dia não existe nesse mês (esperado AAAA-MM-DD ou DD/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no such month: months go from 1 to 12 (expected YYYY-MM-DD or DD/MM/YYYY)</source>
            <translation>esse mês não existe: os meses vão de 1 a 12 (esperado AAAA-MM-DD ou DD/MM/AAAA)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number without + and the country code, and no country of residence</source>
            <translation>um número de telefone sem + nem indicativo do país, e sem país de residência</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>a phone number whose country code no country uses</source>
            <translation>um número de telefone cujo indicativo nenhum país usa</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too few digits for a phone number of its country</source>
            <translation>poucos algarismos para um número de telefone do seu país</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>too many digits for a phone number of its country</source>
            <translation>demasiados algarismos para um número de telefone do seu país</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>no phone number of its country has that many digits</source>
            <translation>nenhum número de telefone do seu país tem tantos algarismos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>not a phone number: digits, with + and the country code in front</source>
            <translation>não é um número de telefone: algarismos, precedidos de + e do indicativo do país</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule: %1</source>
            <translation>não cumpre a regra do formulário: %1</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>does not meet the form's rule</source>
            <translation>não cumpre a regra do formulário</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>outside the allowed range (%1 to %2)</source>
            <translation>fora do intervalo permitido (%1 a %2)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="20" />
            <source>refused by the form (%1)</source>
            <translation>recusado pelo formulário (%1)</translation>
        </message>
    </context>
</TS>
