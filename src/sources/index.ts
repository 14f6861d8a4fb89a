export * from './types.ts';
export * from './event-json.ts';
export { detectFormat, type InputFormat } from './detect-format.ts';
export { openInput, STDIN_PATH } from './open-input.ts';
export { listInputs, InputNotFoundError, type ListInputsOptions } from './list-inputs.ts';
export { readInputs } from './read-inputs.ts';
export { createReadStats, type ReadOptions, type ReadStats } from './read-options.ts';
export { parseJsonExact } from './parse-event.ts';
export { planChunkRanges, readEvtxFile, readEvtxFileXml, type ChunkRange, type ReadEvtxOptions } from './evtx-file.ts';
