; Inno Setup script: per-user installer, no administrator rights.
; Build on Windows after PyInstaller (see packaging/README.md):
;   iscc packaging\windows\orgdesigner.iss
#define AppName "OrgDesigner"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F0C3E55-6B0A-4C4E-9C58-0D3A9D8E4F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=OrgDesigner
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=OrgDesigner-{#AppVersion}-Setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\orgdesigner.exe

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\OrgDesigner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\orgdesigner.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\orgdesigner.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; file association for .orgmodel.json, per user (HKCU), no admin rights
Root: HKCU; Subkey: "Software\Classes\.orgmodel.json"; ValueType: string; ValueName: ""; ValueData: "OrgDesigner.Model"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model"; ValueType: string; ValueName: ""; ValueData: "OrgDesigner-Modell"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\orgdesigner.exe,0"
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\orgdesigner.exe"" ""%1"""

[Run]
Filename: "{app}\orgdesigner.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Selbsttest …"
Filename: "{app}\orgdesigner.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
