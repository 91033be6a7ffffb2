; Inno Setup script for Diaspora Desk (Windows). Built on a Windows runner by the CI workflow
; .github/workflows/installers.yml after `python installer/build.py` produced build\dist\diaspora-desk.
; Per-user install (no admin rights), Start-menu shortcut, and an uninstaller that keeps the data
; (the encrypted store in %LOCALAPPDATA%\DiasporaDesk) unless the user asks to remove it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E2C7B-4C1D-4E55-9A0B-D1A5F0A7C001}
AppName=Diaspora Desk
AppVersion={#AppVersion}
AppPublisher=Diaspora Desk
DefaultDirName={localappdata}\Programs\Diaspora Desk
DefaultGroupName=Diaspora Desk
PrivilegesRequired=lowest
OutputDir=..\..\build\dist
OutputBaseFilename=DiasporaDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\DiasporaDesk.exe

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "pt"; MessagesFile: "compiler:Languages\Portuguese.isl"

[Files]
Source: "..\..\build\dist\diaspora-desk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Diaspora Desk"; Filename: "{app}\DiasporaDesk.exe"
Name: "{group}\Uninstall Diaspora Desk"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\DiasporaDesk.exe"; Description: "Start Diaspora Desk"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder holds unsynced registrations: keep it unless the user explicitly asks.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\DiasporaDesk');
    if DirExists(DataDir) then
      if MsgBox('Also delete the encrypted registrations stored on this computer (' + DataDir + ')?' + #13#10 +
                'Records not yet synced to the server would be lost.', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
