// The EVTX decoder: Windows event log files (.evtx) to JSON event objects or XML text.
// It uses no Node-only module, so it also runs in a browser.
//
// A file is a 4096-byte header followed by independent 64 KiB chunks. Decode a file by
// reading the header, then each chunk on its own (in any order, on any thread):
//
//   if (!isEvtx(bytes)) throw new Error('not EVTX');
//   const header = parseFileHeader(bytes);
//   for (let i = 0, at = FILE_HEADER_SIZE; at < bytes.length; i++, at += CHUNK_SIZE) {
//     const records = decodeChunk(bytes.subarray(at, at + CHUNK_SIZE), {
//       chunkIndex: i, fileOffset: at, shape: 'attributes', onWarning: console.warn,
//     });
//   }
//
// `shape` picks the JSON layout of attributes: 'attributes' nests them under `#attributes`
// (the Rust evtx crate's default, SigmaHQ's regression data), 'separate' writes them beside
// the element as `<Name>_attributes` (Chainsaw, Hayabusa). `decodeChunkXml` renders XML.
// Damaged chunks and records are reported through `onWarning` and skipped; `stats` counts them.
// src/sources/evtx-file.ts reads a file from disk chunk by chunk with this decoder.

export { isEvtx, parseFileHeader, FILE_HEADER_SIZE } from './file-header.ts';
export type { EvtxFileHeader } from './file-header.ts';
export { CHUNK_SIZE, isEmptyChunk } from './chunk-header.ts';
export { decodeChunk, decodeChunkXml, createStats } from './chunk.ts';
export type { DecodeChunkOptions, EvtxRecord, EvtxStats } from './chunk.ts';
export type { JsonShape } from './render-json.ts';
export { EvtxFormatError } from './errors.ts';
