<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
    <context>
        <name>AcknowledgeInput</name>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <source>Open a batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event or consulate day:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day (YYYY-MM-DD):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for example: Minneapolis community day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the batch a name, for example the event.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the day as YYYY-MM-DD or DD/MM/YYYY.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Same document number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same birth date, similar name (%1%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already registered?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This person may already be registered. Open the earlier record to check or update it, or continue if this is a different person.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the earlier record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue: a different person</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FormRenderer</name>
        <message>
            <source>Add another: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 no. %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Start</source>
            <translation>Início</translation>
        </message>
        <message>
            <source>Welcome, %1</source>
            <translation>Bem-vindo(a), %1</translation>
        </message>
        <message>
            <source>Lock now (Ctrl+L)</source>
            <translation>Bloquear agora (Ctrl+L)</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import registrations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Batch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Place (for a new batch):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File (.csv or .xlsx):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an open batch, or the name of a new one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write an empty &amp;template…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>does not meet the form's rule: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>does not meet the form's rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>outside the allowed range (%1 to %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>required, but empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid date (expected YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid date and time (expected YYYY-MM-DD HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid time (expected HH:MM)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not one of the allowed values (see the Choices sheet of the template)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>read-only in the form: leave this column empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a field of the form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>should be empty: the form does not ask this question given the other answers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>repeated answers cannot be imported from a spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a value under a column without a name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets (*.csv *.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the import template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Template written: %n column(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Choose a .csv or .xlsx file to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the batch the records go into, or type a new name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking rows…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking rows… %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving records… %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n record(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Cancelled: nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The import failed; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to Diaspora Desk</source>
            <translation>Bem-vindo(a) ao Diaspora Desk</translation>
        </message>
        <message>
            <source>This computer has no Diaspora Desk store yet. Let us set one up.</source>
            <translation>Este computador ainda não tem uma base Diaspora Desk. Vamos criá-la.</translation>
        </message>
        <message>
            <source>Choose the language of the interface. You can change it later from the Language menu.</source>
            <translation>Escolha o idioma da interface. Pode alterá-lo mais tarde no menu Idioma.</translation>
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>YYYY-MM-DD or DD/MM/YYYY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HH:MM</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>lock now</source>
            <translation>bloquear agora</translation>
        </message>
        <message>
            <source>go to a page</source>
            <translation>ir para uma página</translation>
        </message>
        <message>
            <source>Tab / Shift+Tab</source>
            <translation>Tab / Shift+Tab</translation>
        </message>
        <message>
            <source>next / previous field</source>
            <translation>campo seguinte / anterior</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>confirm, or go to the next step</source>
            <translation>confirmar, ou passar ao passo seguinte</translation>
        </message>
        <message>
            <source>this list</source>
            <translation>esta lista</translation>
        </message>
        <message>
            <source>quit</source>
            <translation>sair</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atalhos de teclado</translation>
        </message>
        <message>
            <source>About Diaspora Desk</source>
            <translation>Acerca do Diaspora Desk</translation>
        </message>
        <message>
            <source>Diaspora Desk registers members of the diaspora at consulates and outreach events. Everything is stored encrypted on this computer until it is sent to the central server.</source>
            <translation>O Diaspora Desk regista membros da diáspora nos consulados e em eventos junto das comunidades. Tudo fica guardado cifrado neste computador até ser enviado para o servidor central.</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>clerk</source>
            <translation>funcionário</translation>
        </message>
        <message>
            <source>Operator: %1 (%2)</source>
            <translation>Operador: %1 (%2)</translation>
        </message>
        <message>
            <source>Batch: %1</source>
            <translation>Lote: %1</translation>
        </message>
        <message>
            <source>No open batch</source>
            <translation>Nenhum lote aberto</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) waiting to sync</source>
            <translation>
                <numerusform>%n registo por enviar</numerusform>
                <numerusform>%n registos por enviar</numerusform>
            </translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation>Nunca sincronizado</translation>
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation>Última sincronização: %1</translation>
        </message>
        <message>
            <source>Diaspora Desk</source>
            <translation>Diaspora Desk</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Ficheiro</translation>
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation>&amp;Bloquear agora</translation>
        </message>
        <message>
            <source>&amp;Auto-lock after</source>
            <translation>Bloqueio &amp;automático após</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minuto</numerusform>
                <numerusform>%n minutos</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Sair</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>Ir &amp;para</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;juda</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Atalhos de &amp;teclado</translation>
        </message>
        <message>
            <source>&amp;About Diaspora Desk</source>
            <translation>A&amp;cerca do Diaspora Desk</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>Records</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All batches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n record(s) found</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>The records could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by name, document number or phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>draft</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>The recovery code</source>
            <translation>O código de recuperação</translation>
        </message>
        <message>
            <source>Write this code on paper now. It is shown only once.</source>
            <translation>Escreva este código em papel agora. Só é mostrado uma vez.</translation>
        </message>
        <message>
            <source>If every passphrase is forgotten, this code is the only way back into the records. Keep the paper in the office safe, never on this computer.</source>
            <translation>Se todas as frases-passe forem esquecidas, este código é a única forma de voltar aos registos. Guarde o papel no cofre do escritório, nunca neste computador.</translation>
        </message>
        <message>
            <source>I have &amp;written the recovery code down and will keep it safe</source>
            <translation>&amp;Escrevi o código de recuperação e vou guardá-lo em segurança</translation>
        </message>
    </context>
    <context>
        <name>RegistrationPage</name>
        <message>
            <source>Register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The registration form could not be loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The unfinished registration was kept as a draft.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That did not work; the registration is still on screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No open batch: open one before registering.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a batch...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batch: %1, %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the batch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Form language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editing a saved record: saving it makes a new version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save draft (Ctrl+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next person (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchableChecklistInput</name>
        <message>
            <source>Type to filter the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchableChoiceInput</name>
        <message>
            <source>Type to search</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServerPage</name>
        <message>
            <source>Fill in both the server address and the code, or leave both empty.</source>
            <translation>Preencha o endereço do servidor e o código, ou deixe ambos vazios.</translation>
        </message>
        <message>
            <source>Contacting the server...</source>
            <translation>A contactar o servidor...</translation>
        </message>
        <message>
            <source>The central server (optional)</source>
            <translation>O servidor central (opcional)</translation>
        </message>
        <message>
            <source>Records are sent to the server whenever this computer is online.</source>
            <translation>Os registos são enviados para o servidor sempre que este computador estiver ligado à rede.</translation>
        </message>
        <message>
            <source>Your IT officer enrols this computer with the central server. Registering works without it: records wait safely on this computer. Press Finish.</source>
            <translation>O seu responsável de informática inscreve este computador no servidor central. O registo funciona sem ele: os registos esperam em segurança neste computador. Prima Concluir.</translation>
        </message>
        <message>
            <source>Type the server address and the one-time code from your IT officer, or leave both empty and press Finish to do it later.</source>
            <translation>Escreva o endereço do servidor e o código de utilização única dado pelo seu responsável de informática, ou deixe ambos vazios e prima Concluir para o fazer mais tarde.</translation>
        </message>
        <message>
            <source>Server &amp;address:</source>
            <translation>&amp;Endereço do servidor:</translation>
        </message>
        <message>
            <source>One-time &amp;code:</source>
            <translation>&amp;Código de utilização única:</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Diaspora Desk: first start</source>
            <translation>Diaspora Desk: primeiro arranque</translation>
        </message>
    </context>
    <context>
        <name>SupervisorPage</name>
        <message>
            <source>At least 12 characters (a few words make a good one)</source>
            <translation>Pelo menos 12 caracteres (algumas palavras dão uma boa frase)</translation>
        </message>
        <message>
            <source>Not a common or repetitive passphrase</source>
            <translation>Não ser uma frase-passe comum nem repetitiva</translation>
        </message>
        <message>
            <source>Both entries are the same</source>
            <translation>As duas entradas são iguais</translation>
        </message>
        <message>
            <source>Creating the encrypted store. This takes a few seconds...</source>
            <translation>A criar a base cifrada. Demora alguns segundos...</translation>
        </message>
        <message>
            <source>The first supervisor</source>
            <translation>O primeiro supervisor</translation>
        </message>
        <message>
            <source>The supervisor manages the clerks' accounts. Everyone gets their own account later.</source>
            <translation>O supervisor gere as contas dos funcionários. Cada pessoa terá depois a sua própria conta.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nome:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Frase-passe:</translation>
        </message>
        <message>
            <source>&amp;Repeat passphrase:</source>
            <translation>&amp;Repita a frase-passe:</translation>
        </message>
        <message>
            <source>&amp;Show the passphrase</source>
            <translation>&amp;Mostrar a frase-passe</translation>
        </message>
        <message>
            <source>Rules for the passphrase:</source>
            <translation>Regras para a frase-passe:</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Criar</translation>
        </message>
    </context>
    <context>
        <name>UnlockMessages</name>
        <message numerus="yes">
            <source>Wait %n minute(s) before trying again.</source>
            <translation>
                <numerusform>Aguarde %n minuto antes de tentar de novo.</numerusform>
                <numerusform>Aguarde %n minutos antes de tentar de novo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wait %n second(s) before trying again.</source>
            <translation>
                <numerusform>Aguarde %n segundo antes de tentar de novo.</numerusform>
                <numerusform>Aguarde %n segundos antes de tentar de novo.</numerusform>
            </translation>
        </message>
        <message>
            <source>This account is locked after too many wrong passphrases. A supervisor can reset it, or use the recovery code.</source>
            <translation>Esta conta está bloqueada após demasiadas frases-passe erradas. Um supervisor pode desbloqueá-la, ou use o código de recuperação.</translation>
        </message>
        <message>
            <source>The passphrase is wrong.</source>
            <translation>A frase-passe está errada.</translation>
        </message>
        <message>
            <source>This passphrase is too easy to guess. Choose a longer one, for example four unrelated words.</source>
            <translation>Esta frase-passe é demasiado fácil de adivinhar. Escolha uma mais longa, por exemplo quatro palavras sem relação entre si.</translation>
        </message>
        <message>
            <source>There is no operator with this name on this computer.</source>
            <translation>Não existe nenhum operador com este nome neste computador.</translation>
        </message>
        <message>
            <source>There is no Diaspora Desk store in this folder.</source>
            <translation>Esta pasta não contém uma base Diaspora Desk.</translation>
        </message>
        <message>
            <source>The key file of this account is damaged. Use the recovery code to get back in.</source>
            <translation>O ficheiro de chave desta conta está danificado. Use o código de recuperação para voltar a entrar.</translation>
        </message>
        <message>
            <source>This store was made by a newer Diaspora Desk. Install the newer version.</source>
            <translation>Esta base foi criada por uma versão mais recente do Diaspora Desk. Instale essa versão.</translation>
        </message>
        <message>
            <source>Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.</source>
            <translation>Ocorreu um problema no Diaspora Desk; nada do que estava guardado se perdeu. Tente de novo.</translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message>
            <source>Twelve hours have passed since you unlocked: type your passphrase again.</source>
            <translation>Passaram doze horas desde o desbloqueio: escreva de novo a sua frase-passe.</translation>
        </message>
        <message>
            <source>Locked after some minutes without use.</source>
            <translation>Bloqueado após alguns minutos sem utilização.</translation>
        </message>
        <message>
            <source>Checking the passphrase...</source>
            <translation>A verificar a frase-passe...</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Já pode tentar de novo.</translation>
        </message>
        <message>
            <source>Diaspora Desk: unlock</source>
            <translation>Diaspora Desk: desbloquear</translation>
        </message>
        <message>
            <source>Diaspora Desk is locked</source>
            <translation>O Diaspora Desk está bloqueado</translation>
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation>&amp;Operador:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Frase-passe:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Desbloquear</translation>
        </message>
    </context>
</TS>
