<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
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
        <message>
        <source>Today, %1</source>
        <translation>Hoje, %1</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) today</source>
        <translation><numerusform>%n registo hoje</numerusform><numerusform>%n registos hoje</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished draft(s)</source>
        <translation><numerusform>%n rascunho por terminar</numerusform><numerusform>%n rascunhos por terminar</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n sent back, not corrected yet</source>
        <translation><numerusform>%n devolvido, ainda não corrigido</numerusform><numerusform>%n devolvidos, ainda não corrigidos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation><numerusform>%n registo por enviar</numerusform><numerusform>%n registos por enviar</numerusform></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Último envio: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca enviado</translation>
    </message>
    <message>
        <source>Investing</source>
        <translation>Investir</translation>
    </message>
    <message>
        <source>Skills transfer, return</source>
        <translation>Transferência de competências, regresso</translation>
    </message>
    <message>
        <source>Save the chart as PNG</source>
        <translation>Guardar o gráfico em PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>The chart was saved to %1.</source>
        <translation>O gráfico foi guardado em %1.</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>Não foi possível guardar o gráfico em %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Registered today, per &amp;clerk</source>
        <translation>Registados hoje, por &amp;funcionário</translation>
    </message>
    <message>
        <source>Registered today, per &amp;batch</source>
        <translation>Registados hoje, por &amp;lote</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Funcionário</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registos</translation>
    </message>
    <message>
        <source>Country of residence</source>
        <translation>País de residência</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Ocupação</translation>
    </message>
    <message>
        <source>Main skills sector</source>
        <translation>Principal setor de competências</translation>
    </message>
    <message>
        <source>Sectors of interest for investing</source>
        <translation>Setores de interesse para investir</translation>
    </message>
    <message>
        <source>Investment and return interest</source>
        <translation>Interesse em investir e regressar</translation>
    </message>
    <message>
        <source>No registration yet.</source>
        <translation>Ainda nenhum registo.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Outros</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Guardar em PNG…</translation>
    </message>
    <message>
        <source>Save as PNG: %1</source>
        <translation>Guardar em PNG: %1</translation>
    </message>
    <message>
        <source>Return, skills</source>
        <translation>Regresso, competências</translation>
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
        <name>MainWindow</name>
        <message>
            <source>lock now</source>
            <translation>bloquear agora</translation>
        </message>
        <message>
            <source>send the records to the server now</source>
            <translation>enviar os registos para o servidor agora</translation>
        </message>
        <message>
            <source>import registrations from a spreadsheet</source>
            <translation>importar registos de uma folha de cálculo</translation>
        </message>
        <message>
            <source>export records to Excel or CSV (supervisors)</source>
            <translation>exportar fichas para Excel ou CSV (supervisores)</translation>
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
            <source>Sending records: %1 of %2</source>
            <translation>A enviar registos: %1 de %2</translation>
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
            <source>&amp;Sync now</source>
            <translation>Si&amp;ncronizar agora</translation>
        </message>
        <message>
            <source>&amp;Import registrations...</source>
            <translation>&amp;Importar registos...</translation>
        </message>
        <message>
            <source>&amp;Export...</source>
            <translation>&amp;Exportar...</translation>
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
        <message>
        <source>save the registration</source>
        <translation>guardar o registo</translation>
    </message>
    <message>
        <source>save it as a draft, to finish later</source>
        <translation>guardá-lo como rascunho, para acabar depois</translation>
    </message>
    <message>
        <source>discard the draft on screen (after asking)</source>
        <translation>eliminar o rascunho no ecrã (depois de confirmar)</translation>
    </message>
    <message>
        <source>next person (an unfinished registration is kept as a draft)</source>
        <translation>pessoa seguinte (um registo por acabar fica como rascunho)</translation>
    </message>
    <message>
        <source>scan a passport's two machine-readable lines</source>
        <translation>ler as duas linhas de leitura ótica de um passaporte</translation>
    </message>
    <message>
        <source>the person's receipt, after saving</source>
        <translation>o comprovativo da pessoa, depois de guardar</translation>
    </message>
    <message>
        <source>sections of the form and their progress</source>
        <translation>secções do formulário e o seu progresso</translation>
    </message>
    <message>
        <source>open, switch or close the batch being filled</source>
        <translation>abrir, mudar ou fechar o lote em curso</translation>
    </message>
    <message>
        <source>next / previous section of the form</source>
        <translation>secção seguinte / anterior do formulário</translation>
    </message>
    <message>
        <source>confirm, or go to the next question</source>
        <translation>confirmar, ou passar à pergunta seguinte</translation>
    </message>
</context>
    <context>
        <name>PassphraseRulesView</name>
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
            <source>Rules for the passphrase:</source>
            <translation>Regras para a frase-passe:</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>The recovery code is wrong. Check it against the paper.</source>
            <translation>O código de recuperação está errado. Confira-o com o papel.</translation>
        </message>
        <message>
            <source>Use the recovery code</source>
            <translation>Usar o código de recuperação</translation>
        </message>
        <message>
            <source>Type the recovery code from the paper kept in the office safe, and choose a new passphrase. The records are not changed. A name that is not an operator yet becomes a supervisor.</source>
            <translation>Escreva o código de recuperação do papel guardado no cofre do escritório e escolha uma nova frase-passe. Os registos não são alterados. Um nome que ainda não seja operador passa a supervisor.</translation>
        </message>
        <message>
            <source>Recovery &amp;code:</source>
            <translation>&amp;Código de recuperação:</translation>
        </message>
        <message>
            <source>&amp;Operator:</source>
            <translation>&amp;Operador:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;Nova frase-passe:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Repita-a:</translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>Recuperar o acesso</translation>
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
        <name>SpreadsheetDialogsController</name>
        <message>
            <source>Form not available</source>
            <translation>Formulário indisponível</translation>
        </message>
        <message>
            <source>The registration form could not be loaded; reinstall Diaspora Desk.</source>
            <translation>Não foi possível carregar o formulário de registo; reinstale o Diaspora Desk.</translation>
        </message>
    </context>
    <context>
        <name>SupervisorPage</name>
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
            <source>N&amp;ame:</source>
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
            <source>The data folder cannot be used (%1). Check the disk and its permissions.</source>
            <translation>A pasta de dados não pode ser usada (%1). Verifique o disco e as suas permissões.</translation>
        </message>
        <message>
            <source>Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.</source>
            <translation>Ocorreu um problema no Diaspora Desk; nada do que estava guardado se perdeu. Tente de novo.</translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message>
            <source>Diaspora Desk: warning</source>
            <translation>Diaspora Desk: aviso</translation>
        </message>
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
            <source>Unlock Diaspora Desk</source>
            <translation>Desbloquear o Diaspora Desk</translation>
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
        <message>
            <source>Forgot the passphrase? Use the recovery &amp;code...</source>
            <translation>Esqueceu a frase-passe? Usar o &amp;código de recuperação...</translation>
        </message>
    </context>
<context>
    <name>SyncController</name>
    <message>
        <source>This laptop is not enrolled with a server; enrol it first.</source>
        <translation>Este computador não está inscrito em nenhum servidor; inscreva-o primeiro.</translation>
    </message>
    <message>
        <source>This laptop's sync keys were erased because the server marked it lost or revoked.</source>
        <translation>As chaves de envio deste computador foram apagadas: o servidor marcou-o como perdido ou revogado.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Não foi possível contactar o servidor.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>O servidor não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The server's answer was cut off.</source>
        <translation>A resposta do servidor foi interrompida.</translation>
    </message>
    <message>
        <source>The server's answer was incomplete.</source>
        <translation>A resposta do servidor estava incompleta.</translation>
    </message>
    <message>
        <source>The server is busy and asked to wait (429).</source>
        <translation>O servidor está ocupado e pediu para esperar (429).</translation>
    </message>
    <message>
        <source>Sync stopped because of an internal error; it will try again.</source>
        <translation>O envio parou por causa de um erro interno; voltará a tentar.</translation>
    </message>
</context>
</TS>
