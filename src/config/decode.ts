/**
 * Turns a config file's bytes into text, or into the finding that says why
 * it cannot be read as a config: too large (IO-003), binary or not UTF-8
 * (IO-002). A leading UTF-8 byte-order mark is dropped.
 */
import { finding, type Finding } from '../report/findings.js';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export type Decoded =
  { text: string; problem?: undefined } | { text?: undefined; problem: Finding };

export function decodeConfigBytes(bytes: Uint8Array, file: string, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return {
      problem: finding(
        'IO-003',
        'error',
        file,
        0,
        `file is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes; not read`,
      ),
    };
  }
  if (bytes.includes(0)) {
    return {
      problem: finding('IO-002', 'error', file, 0, 'binary file (contains a NUL byte); not read'),
    };
  }
  try {
    // The decoder drops a leading BOM itself (ignoreBOM defaults to false).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      problem: finding('IO-002', 'error', file, 0, 'file is not valid UTF-8 text; not read'),
    };
  }
}
