; Inno Setup 6 script: a Windows installer around the one-folder bundle in dist\jdmdesk
; (build the bundle first: py tasks.py bundle; then: iscc packaging\windows\jdmdesk.iss).
; It installs per user by default (no administrator needed; an IT department can choose
; "all users"), adds a Start menu entry, and makes .jdm study files open in JDM Desk with
; their own icon. The executable carries the same icon (packaging/jdmdesk.spec).
#define AppName "JDM Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E7B52-2F0B-4B8A-9A3E-4D1C0C5A7E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=JDM Desk
DefaultDirName={autopf}\JDM Desk
DefaultGroupName=JDM Desk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\jdmdesk.ico
UninstallDisplayIcon={app}\jdmdesk.exe
OutputDir=..\..\dist
OutputBaseFilename=jdmdesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\..\dist\jdmdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\jdmdesk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\JDM Desk"; Filename: "{app}\jdmdesk.exe"; IconFilename: "{app}\jdmdesk.ico"
Name: "{group}\Uninstall JDM Desk"; Filename: "{uninstallexe}"

[Registry]
; .jdm -> JDMDesk.Study (HKA: the current user, or the machine for an all-users install)
Root: HKA; Subkey: "Software\Classes\.jdm"; ValueType: string; ValueName: ""; ValueData: "JDMDesk.Study"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jdm\OpenWithProgids"; ValueType: string; ValueName: "JDMDesk.Study"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\JDMDesk.Study"; ValueType: string; ValueName: ""; ValueData: "JDM Desk study"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\JDMDesk.Study\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jdmdesk.ico,0"
Root: HKA; Subkey: "Software\Classes\JDMDesk.Study\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\jdmdesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\jdmdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".jdm"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\jdmdesk.exe"; Description: "Start JDM Desk"; Flags: nowait postinstall skipifsilent
