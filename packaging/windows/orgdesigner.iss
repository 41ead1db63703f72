; Inno Setup script: per-user installer, no administrator rights.
; Build on Windows after PyInstaller (see packaging/README.md), from the repository root:
;   pyinstaller --noconfirm --clean packaging\orgdesigner.spec
;   iscc packaging\windows\orgdesigner.iss
; Result: dist\OrgDesigner-<version>-Setup.exe
;
; Installs into %LOCALAPPDATA%\Programs\OrgDesigner, adds a start-menu entry (and, if
; chosen, a desktop icon), registers OrgDesigner for model files under HKCU only, and is
; removed again under "Apps" / "Programme und Features" without administrator rights.
;
; File association: Windows decides the file type by the LAST extension. Model files have
; their own extension ".orgmodel", which OrgDesigner registers as its own (double-click
; opens it; a second double-click hands the file to the running program). Files of older
; versions ("plan.orgmodel.json") are ".json" files to Explorer: for those OrgDesigner is
; only offered under "Öffnen mit" (Open with), the default for .json stays as it is.
#define AppName "OrgDesigner"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F0C3E55-6B0A-4C4E-9C58-0D3A9D8E4F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=OrgDesigner
DefaultDirName={localappdata}\Programs\{#AppName}
DisableProgramGroupPage=yes
; per user only: no UAC prompt, no "install for all users" choice
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=OrgDesigner-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\orgdesigner.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\orgdesigner.exe
UninstallDisplayName={#AppName}

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole PyInstaller folder: orgdesigner.exe (window), orgdesigner-cli.exe (command line)
Source: "..\..\dist\OrgDesigner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces the program folder completely (no stale libraries from older versions)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\orgdesigner.exe"; Comment: "Organisation des Smart-City-Vorhabens entwerfen, prüfen und drucken"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\orgdesigner.exe"; Tasks: desktopicon

[Registry]
; per user (HKCU), no admin rights: a program id for OrgDesigner models …
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model"; ValueType: string; ValueName: ""; ValueData: "OrgDesigner-Modell"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\orgdesigner.exe"",0"
Root: HKCU; Subkey: "Software\Classes\OrgDesigner.Model\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\orgdesigner.exe"" ""%1"""
; … the default program for .orgmodel files (the own extension) …
Root: HKCU; Subkey: "Software\Classes\.orgmodel"; ValueType: string; ValueName: ""; ValueData: "OrgDesigner.Model"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.orgmodel"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-orgdesigner-model+json"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.orgmodel"; ValueType: string; ValueName: "PerceivedType"; ValueData: "document"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.orgmodel\OpenWithProgids"; ValueType: string; ValueName: "OrgDesigner.Model"; ValueData: ""; Flags: uninsdeletevalue
; … and offered under "Öffnen mit" for .json files (*.orgmodel.json of older versions), without becoming the default
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "OrgDesigner.Model"; ValueData: ""; Flags: uninsdeletevalue
; the program itself, so Windows shows its name and knows which files it opens
Root: HKCU; Subkey: "Software\Classes\Applications\orgdesigner.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\orgdesigner.exe\SupportedTypes"; ValueType: string; ValueName: ".orgmodel"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\orgdesigner.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\orgdesigner.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\orgdesigner.exe"" ""%1"""

[Run]
Filename: "{app}\orgdesigner.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
