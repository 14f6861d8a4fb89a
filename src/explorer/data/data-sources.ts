// Sigma logsource values in words, for the rule page's "Data Sources" section.
// Names follow the Sigma taxonomy appendix; values missing here are shown as written.

const CATEGORY_NAMES: Record<string, string> = {
  antivirus: 'Antivirus Detections',
  application: 'Application Logs',
  appliance: 'Appliance Logs',
  create_remote_thread: 'Remote Thread Creation Events',
  create_stream_hash: 'Alternate Data Stream Creation Events',
  database: 'Database Logs',
  dns: 'DNS Logs',
  dns_query: 'DNS Query Events',
  driver_load: 'Driver Load Events',
  file_access: 'File Access Events',
  file_block_executable: 'Blocked Executable File Events',
  file_change: 'File Creation Time Change Events',
  file_delete: 'File Deletion Events',
  file_event: 'File Creation Events',
  file_executable_detected: 'Executable File Detection Events',
  file_rename: 'File Rename Events',
  firewall: 'Firewall Logs',
  image_load: 'Image Load Events',
  network_connection: 'Network Connection Events',
  pipe_created: 'Named Pipe Events',
  process_access: 'Process Access Events',
  process_creation: 'Process Creation Events',
  process_tampering: 'Process Tampering Events',
  proxy: 'Proxy Logs',
  ps_classic_provider_start: 'PowerShell Provider Start Events',
  ps_classic_start: 'PowerShell Engine Start Events',
  ps_module: 'PowerShell Module Logging',
  ps_script: 'PowerShell Script Block Logging',
  raw_access_thread: 'Raw Disk Access Events',
  registry_add: 'Registry Key Creation Events',
  registry_delete: 'Registry Deletion Events',
  registry_event: 'Registry Events',
  registry_rename: 'Registry Rename Events',
  registry_set: 'Registry Value Set Events',
  sysmon_error: 'Sysmon Error Events',
  sysmon_status: 'Sysmon Status Events',
  webserver: 'Web Server Logs',
  wmi_event: 'WMI Event Subscription Events',
};

const SERVICE_NAMES: Record<string, string> = {
  security: 'Security Event Log',
  system: 'System Event Log',
  application: 'Application Event Log',
  sysmon: 'Sysmon Event Log',
  powershell: 'PowerShell Operational Log',
  'powershell-classic': 'Windows PowerShell Log',
  windefend: 'Microsoft Defender Log',
  taskscheduler: 'Task Scheduler Log',
  'bits-client': 'BITS Client Log',
  'dns-client': 'DNS Client Log',
  'dns-server': 'DNS Server Log',
  codeintegrity: 'Code Integrity Log',
  'codeintegrity-operational': 'Code Integrity Operational Log',
  applocker: 'AppLocker Logs',
  ntlm: 'NTLM Operational Log',
  wmi: 'WMI Activity Log',
  cloudtrail: 'AWS CloudTrail',
  auditd: 'Linux Audit Daemon',
  'gcp.audit': 'Google Cloud Audit Logs',
  activitylogs: 'Azure Activity Logs',
  auditlogs: 'Azure AD Audit Logs',
  signinlogs: 'Azure AD Sign-in Logs',
  riskdetection: 'Azure AD Risk Detections',
  sshd: 'SSH Daemon Logs',
  syslog: 'Syslog',
  sudo: 'sudo Logs',
  cron: 'cron Logs',
};

/** Returns the category in words (`network_connection` → `Network Connection Events`). */
export function categoryName(category: string): string {
  return CATEGORY_NAMES[category] ?? category;
}

/** Returns the service in words (`security` → `Security Event Log`). */
export function serviceName(service: string): string {
  return SERVICE_NAMES[service] ?? service;
}
