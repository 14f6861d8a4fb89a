// Small hand-written Windows events in the separate-attributes shape (Chainsaw, Hayabusa), one per kind of quirk.

const NS = { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' };

/** Sysmon process creation (EventID 1). */
export const SYSMON_1 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'Microsoft-Windows-Sysmon', Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9' },
      EventID: 1,
      Version: 5,
      Level: 4,
      Task: 1,
      Opcode: 0,
      Keywords: '0x8000000000000000',
      TimeCreated_attributes: { SystemTime: '2019-05-23T17:26:08.716859Z' },
      EventRecordID: 1017,
      Correlation: null,
      Execution_attributes: { ProcessID: 2032, ThreadID: 2092 },
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: 'IEWIN7',
      Security_attributes: { UserID: 'S-1-5-18' },
    },
    EventData: {
      RuleName: '',
      ProcessId: 3388,
      Image: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd.exe /c whoami ',
      LogonId: '0xf347',
      ParentImage: 'C:\\Windows\\explorer.exe',
    },
  },
};

/** Security process creation (EventID 4688): hex SizeT process ids, no Security UserID. */
export const SECURITY_4688 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'Microsoft-Windows-Security-Auditing', Guid: '54849625-5478-4994-A5BA-3E3B0328C30D' },
      EventID: 4688,
      Version: 2,
      Level: 0,
      Task: 13312,
      Opcode: 0,
      Keywords: '0x8020000000000000',
      TimeCreated_attributes: { SystemTime: '2021-10-20T13:39:17.331119Z' },
      EventRecordID: 67103,
      Correlation: null,
      Execution_attributes: { ProcessID: 4, ThreadID: 2932 },
      Channel: 'Security',
      Computer: 'FS03.offsec.lan',
      Security: null,
    },
    EventData: {
      SubjectUserName: 'FS03$',
      NewProcessId: '0xe74',
      NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
      ProcessId: '0x46c',
      CommandLine: 'cmd.exe',
      ParentProcessName: 'C:\\Windows\\System32\\services.exe',
    },
  },
};

/** Security log cleared (EventID 1102): the fields sit one level deeper, under UserData's own element. */
export const SECURITY_1102 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'Microsoft-Windows-Eventlog', Guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}' },
      EventID: 1102,
      Level: 4,
      Task: 104,
      Keywords: '0x4020000000000000',
      TimeCreated_attributes: { SystemTime: '2021-10-20T13:39:12.731904Z' },
      EventRecordID: 67099,
      Channel: 'Security',
      Computer: 'FS03.offsec.lan',
      Security: null,
    },
    UserData: {
      LogFileCleared_attributes: { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' },
      LogFileCleared: { SubjectUserSid: 'S-1-5-21-1111', SubjectUserName: 'admmig', SubjectDomainName: 'OFFSEC' },
    },
  },
};

/** A classic provider event: EventID carries Qualifiers, EventData contains an unnamed Data list and Binary. */
export const SYSTEM_7036 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'Service Control Manager', Guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}', EventSourceName: 'Service Control Manager' },
      EventID_attributes: { Qualifiers: 16384 },
      EventID: 7036,
      Level: 4,
      Task: 0,
      Keywords: '0x8080000000000000',
      TimeCreated_attributes: { SystemTime: '2019-03-19T23:34:25.487812Z' },
      EventRecordID: 3027,
      Channel: 'System',
      Computer: 'PC01.example.corp',
      Security: null,
    },
    EventData: { Data: { '#text': ['Windows Update', 'running'] }, Binary: '770075006100750073006500720076002F0034000000' },
  },
};

/** PowerShell classic engine start (EventID 400): the details are `Key=Value` lines in the third Data item. */
export const POWERSHELL_400 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'PowerShell' },
      EventID_attributes: { Qualifiers: 0 },
      EventID: 400,
      Level: 4,
      Task: 4,
      Keywords: '0x80000000000000',
      TimeCreated_attributes: { SystemTime: '2021-10-31T14:28:15.329725Z' },
      EventRecordID: 15727001,
      Channel: 'Windows PowerShell',
      Computer: 'jump01.offsec.lan',
      Security: null,
    },
    EventData: {
      Data: {
        '#text': [
          'Available',
          'None',
          '\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n\tSequenceNumber=13\r\n\r\n' +
            '\tHostName=ConsoleHost\r\n\tHostVersion=2.0\r\n\tHostId=32afa6ab-c13e-4c81-91ed-8488f7e303ea\r\n' +
            '\tHostApplication=powershell.exe -version 2 -nop\r\n\tEngineVersion=2.0\r\n\tRunspaceId=be9cbd71\r\n' +
            '\tPipelineId=\r\n\tCommandName=\r\n\tCommandType=\r\n\tScriptName=\r\n\tCommandPath=\r\n\tCommandLine=',
        ],
      },
      Binary: null,
    },
  },
};

/** PowerShell classic pipeline execution (EventID 800): the details are in the second Data item. */
export const POWERSHELL_800 = {
  Event_attributes: NS,
  Event: {
    System: {
      Provider_attributes: { Name: 'PowerShell' },
      EventID_attributes: { Qualifiers: 0 },
      EventID: 800,
      Level: 4,
      Task: 8,
      Keywords: '0x80000000000000',
      TimeCreated_attributes: { SystemTime: '2021-10-31T14:28:15.342725Z' },
      EventRecordID: 15727056,
      Channel: 'Windows PowerShell',
      Computer: 'jump01.offsec.lan',
      Security: null,
    },
    EventData: {
      Data: {
        '#text': [
          'Get-LocalGroupMember -Name Administrators',
          '\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=303\r\n\r\n\tUserId=OFFSEC\\admmig\r\n' +
            '\tHostName=ConsoleHost\r\n\tHostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n' +
            '\tEngineVersion=5.1.14393.4350\r\n\tCommandLine=Get-LocalGroupMember -Name Administrators',
          'CommandInvocation(Get-LocalGroupMember): "Get-LocalGroupMember"\r\nParameterBinding(Get-LocalGroupMember): name="Name"; value="Administrators"\r\n',
        ],
      },
      Binary: null,
    },
  },
};
