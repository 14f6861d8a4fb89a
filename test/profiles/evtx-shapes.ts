// Converters between the JSON shapes of the same Windows event, used to run one table of events through every shape.

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Converts the separate-attributes shape (Chainsaw, Hayabusa: `Provider_attributes` beside `Provider`)
 * into the evtx crate's default shape (`Provider: {"#attributes": …}`, `EventID: {"#attributes": …, "#text": 7036}`).
 */
export function toAttributesShape(value: Json): Json {
  if (Array.isArray(value)) return value.map(toAttributesShape);
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith('_attributes')) {
      const element = key.slice(0, -'_attributes'.length);
      if (!(element in value)) out[element] = { '#attributes': item };
      continue;
    }
    const converted = toAttributesShape(item);
    const attributes = value[`${key}_attributes`];
    if (attributes === undefined) out[key] = converted;
    else if (isObject(converted)) out[key] = { '#attributes': attributes, ...converted };
    else if (converted === null) out[key] = { '#attributes': attributes };
    else out[key] = { '#attributes': attributes, '#text': converted };
  }
  return out;
}

function winlogText(value: Json): string {
  return String(value).replaceAll('\r\n', '\n');
}

/** Pairs of EventData or UserData as Winlogbeat flattens them: unnamed `Data` items become `param1`, `param2`, … */
function winlogPairs(data: Record<string, Json>): Record<string, string> {
  const pairs: Record<string, string> = {};
  const unnamed = isObject(data.Data) ? data.Data['#text'] : undefined;
  if (unnamed !== undefined) {
    const items = Array.isArray(unnamed) ? unnamed : [unnamed];
    items.forEach((item, index) => {
      if (item !== '' && item !== null) pairs[`param${index + 1}`] = winlogText(item);
    });
  }
  for (const [key, item] of Object.entries(data)) {
    if (key === 'Data' || key.endsWith('_attributes') || item === null || item === '' || typeof item === 'object') continue;
    pairs[key] = winlogText(item);
  }
  return pairs;
}

/**
 * Converts the separate-attributes shape into the shape Winlogbeat ships (`winlog.*`).
 * As Winlogbeat does, every EventData value becomes a string, empty values are dropped and CRLF becomes LF.
 * `event_id` is a string, and UserData's single element is flattened with its name in `xml_name`.
 */
export function toWinlogbeatShape(event: Record<string, Json>): Record<string, Json> {
  const root = event.Event as Record<string, Json>;
  const system = root.System as Record<string, Json>;
  const provider = (system.Provider_attributes ?? {}) as Record<string, Json>;
  const execution = (system.Execution_attributes ?? {}) as Record<string, Json>;
  const security = (system.Security_attributes ?? {}) as Record<string, Json>;
  const winlog: Record<string, Json> = {
    channel: system.Channel,
    event_id: String(system.EventID),
    provider_name: provider.Name,
    computer_name: system.Computer,
    record_id: system.EventRecordID,
    version: system.Version,
    process: { pid: execution.ProcessID, thread: { id: execution.ThreadID } },
    api: 'wineventlog',
  };
  if (provider.Guid !== undefined) winlog.provider_guid = provider.Guid;
  if (security.UserID !== undefined) winlog.user = { identifier: security.UserID };
  if (isObject(root.EventData)) winlog.event_data = winlogPairs(root.EventData);
  if (isObject(root.UserData)) {
    const [name, element] = Object.entries(root.UserData).find(([key]) => !key.endsWith('_attributes')) ?? [];
    if (name !== undefined && isObject(element)) winlog.user_data = { ...winlogPairs(element), xml_name: name };
  }
  const created = (system.TimeCreated_attributes ?? {}) as Record<string, Json>;
  return { '@timestamp': created.SystemTime, winlog };
}
