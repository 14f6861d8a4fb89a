// The error every EVTX decoding stage throws: what was being read, and where.

/** Which stage of the format a problem was found in; decides the warning code it is reported with. */
export type EvtxErrorStage = 'record' | 'template' | 'chunk';

/**
 * A structural problem in EVTX bytes. `offset` is relative to the start of the chunk
 * (or of the file header); `label` names the field being read, e.g. `record.size`.
 */
export class EvtxFormatError extends Error {
  readonly label: string;
  readonly offset: number;
  readonly stage: EvtxErrorStage;

  constructor(message: string, label: string, offset: number, stage: EvtxErrorStage = 'record') {
    super(`${message} (${label} at offset ${offset})`);
    this.name = 'EvtxFormatError';
    this.label = label;
    this.offset = offset;
    this.stage = stage;
  }
}
