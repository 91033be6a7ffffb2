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
            <location filename="../../desktop/dialogs/import_dialog.py" line="335" />
            <source>The store is locked: unlock it, then import again.</source>
            <translation>A base cifrada está bloqueada: desbloqueie-a e importe de novo.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="340" />
            <source>The import failed; nothing was imported.</source>
            <translation>A importação falhou; nada foi importado.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/dialogs/import_dialog.py" line="334" />
            <source>%n more problem(s) not listed: fix these, then import again.</source>
            <translation>
                <numerusform>Mais %n problema não listado: corrija estes e importe novamente.</numerusform>
                <numerusform>Mais %n problemas não listados: corrija estes e importe novamente.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="0" />
            <source>Form:</source>
            <translation>Formulário:</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/import_dialog.py" line="0" />
            <source>%1 (version %2)</source>
            <translation>%1 (versão %2)</translation>
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
            <source>not a place: latitude and longitude in degrees, then altitude and accuracy in metres</source>
            <translation>não é um local: latitude e longitude em graus, depois altitude e precisão em metros</translation>
        </message>
        <message>
            <source>a latitude beyond -90..90, a longitude beyond -180..180 or a negative accuracy</source>
            <translation>uma latitude fora de -90..90, uma longitude fora de -180..180 ou uma precisão negativa</translation>
        </message>
        <message>
            <source>not a line: two or more points 'latitude longitude' joined by ;</source>
            <translation>não é uma linha: dois ou mais pontos 'latitude longitude' separados por ;</translation>
        </message>
        <message>
            <source>not an area: three or more points 'latitude longitude' joined by ;</source>
            <translation>não é uma área: três ou mais pontos 'latitude longitude' separados por ;</translation>
        </message>
        <message>
            <source>not a file name (a name without folders, as the export writes it)</source>
            <translation>não é um nome de ficheiro (um nome sem pastas, como a exportação o escreve)</translation>
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
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>the file %1 does not exist or is not a file</source>
            <translation>o ficheiro %1 não existe ou não é um ficheiro</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot read %1: check that you may open it</source>
            <translation>não é possível ler %1: verifique se tem permissão para o abrir</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>cannot import %1: only .csv and .xlsx files can be imported</source>
            <translation>não é possível importar %1: só podem ser importados ficheiros .csv e .xlsx</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no header row: the first row must hold the field names</source>
            <translation>%1 não tem linha de cabeçalho: a primeira linha deve conter os nomes dos campos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row has more than %2 columns, more than an import reads</source>
            <translation>%1: a linha de cabeçalho tem mais de %2 colunas, mais do que uma importação lê</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: column %2 of the header row has no name</source>
            <translation>%1: a coluna %2 da linha de cabeçalho não tem nome</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 appears twice in the header row</source>
            <translation>%1: a coluna %2 aparece duas vezes na linha de cabeçalho</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is not UTF-8 text: save it as 'CSV UTF-8' (or as .xlsx) and import it again</source>
            <translation>%1 não é texto UTF-8: guarde-o como «CSV UTF-8» (ou como .xlsx) e importe-o novamente</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is longer than %2 characters, far longer than the form's field names</source>
            <translation>%1: a linha de cabeçalho tem mais de %2 caracteres, muito mais do que os nomes dos campos do formulário</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is empty</source>
            <translation>%1 está vazio</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the header row is not valid CSV</source>
            <translation>%1: a linha de cabeçalho não é CSV válido</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 is not valid CSV</source>
            <translation>%1: a linha %2 não é CSV válido</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the first sheet is empty</source>
            <translation>%1: a primeira folha está vazia</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 is empty</source>
            <translation>%1: a folha %2 está vazia</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 rows below the header (blank rows count too): split it into smaller files</source>
            <translation>%1 tem mais de %2 linhas abaixo do cabeçalho (as linhas vazias também contam): divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has more than %2 filled cells: split it into smaller files</source>
            <translation>%1 tem mais de %2 células preenchidas: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 characters of text: split it into smaller files</source>
            <translation>%1 contém mais de %2 caracteres de texto: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2, column %3 holds more than %4 characters, the most a spreadsheet cell can hold</source>
            <translation>%1: a linha %2, coluna %3 contém mais de %4 caracteres, o máximo de uma célula de folha de cálculo</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 holds more than %3 characters, the most a spreadsheet cell can hold</source>
            <translation>%1: a linha %2 contém mais de %3 caracteres, o máximo de uma célula de folha de cálculo</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: a cell holds more than %2 characters, the most a spreadsheet cell can hold</source>
            <translation>%1: uma célula contém mais de %2 caracteres, o máximo de uma célula de folha de cálculo</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is larger than %2, the most one import reads: split it into smaller files</source>
            <translation>%1 tem mais de %2, o máximo que uma importação lê: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be opened as an Excel workbook (is it password-protected or damaged?)</source>
            <translation>%1 não pode ser aberto como livro do Excel (está protegido por palavra-passe ou danificado?)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 of shared text: split it into smaller files</source>
            <translation>%1 contém mais de %2 de texto partilhado: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 parts, far more than a workbook has</source>
            <translation>%1 contém mais de %2 partes, muito mais do que um livro tem</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 unpacks to more than %2: split it into smaller files</source>
            <translation>%1 descomprimido tem mais de %2: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 is compressed more than %2 times, as only a damaged or hostile file is (a zip bomb): it was not read</source>
            <translation>%1 está comprimido mais de %2 vezes, como só um ficheiro danificado ou malicioso está (uma bomba zip): não foi lido</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 holds more than %2 different texts: split it into smaller files</source>
            <translation>%1 contém mais de %2 textos diferentes: divida-o em ficheiros mais pequenos</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: row %2 has a value beyond column %3, more columns than an import reads</source>
            <translation>%1: a linha %2 tem um valor para lá da coluna %3, mais colunas do que uma importação lê</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 cannot be imported: its part %2 declares a document type (DTD), which no Excel workbook does and which can make a reader fetch files or run out of memory</source>
            <translation>%1 não pode ser importado: a sua parte %2 declara um tipo de documento (DTD), o que nenhum livro do Excel faz e que pode levar um leitor a buscar ficheiros ou a esgotar a memória</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 links its rows to the first sheet by %3, but the first sheet has no %4 column</source>
            <translation>%1: a folha %2 liga as suas linhas à primeira folha por %3, mas a primeira folha não tem a coluna %4</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the sheet %2 has no %3 column to say which row each of its rows belongs to</source>
            <translation>%1: a folha %2 não tem a coluna %3 que diz a que linha pertence cada uma das suas linhas</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 of the sheet %3 is not a field of the repeat %4</source>
            <translation>%1: a coluna %2 da folha %3 não é um campo da repetição %4</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is filled by Diaspora Desk from the batch and the operator; remove that column</source>
            <translation>%1: a coluna %2 é preenchida pelo Diaspora Desk a partir do lote e do operador; remova essa coluna</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is computed by the form or repeated; remove that column</source>
            <translation>%1: a coluna %2 é calculada pelo formulário ou repetida; remova essa coluna</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1: the column %2 is not a field of the form (the header row must hold the form's field names; see diaspora-desk import --template)</source>
            <translation>%1: a coluna %2 não é um campo do formulário (a linha de cabeçalho deve conter os nomes dos campos do formulário; veja diaspora-desk import --template)</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>%1 has no rows to import: nothing was saved</source>
            <translation>%1 não tem linhas para importar: nada foi guardado</translation>
        </message>
        <message>
            <location filename="../../forms/importing/reasons.py" line="60" />
            <source>name the batch the records go into (the event or the consulate day)</source>
            <translation>indique o lote onde ficam os registos (o evento ou o dia consular)</translation>
        </message>
    </context>
</TS>
