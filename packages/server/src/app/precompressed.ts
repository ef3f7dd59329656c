import { negotiate } from '@fastify/accept-negotiator';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Gzip answers whose large part is shared between readers (a ranking page is the same for everyone
 * until the next change) and whose small part is each reader's own.
 *
 * The shared part is deflated once, ending on a sync flush (byte-aligned, not final), and kept with
 * its CRC-32. A reader's answer is then one valid gzip member: the 10-byte header, the kept deflate
 * blocks, the reader's own bytes as *stored* (uncompressed) deflate blocks, the last one final, and
 * the trailer — the CRC-32 continued over the reader's bytes, and the total length (RFC 1951 §3.2.4,
 * RFC 1952 §2.3). No compressor runs per request; on loopback a 10 KB answer costs more to write
 * than everything else the read does (docs/performance.md).
 */
export interface SharedPart {
  readonly bytes: Buffer;
  readonly deflated: Buffer;
  readonly crc: number;
}

export function deflateShared(bytes: Buffer): SharedPart {
  return { bytes, deflated: deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(bytes) };
}

/** ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** A stored block holds at most 65 535 bytes. */
const STORED_MAX = 0xffff;

/** The gzip member of `shared.bytes` followed by `own` (a string is written as UTF-8, without a buffer of its own). */
export function gzipSharedThenOwn(shared: SharedPart, own: Buffer | string): Buffer {
  const ownLength = typeof own === 'string' ? Buffer.byteLength(own) : own.length;
  if (typeof own === 'string' && ownLength > STORED_MAX) return gzipSharedThenOwn(shared, Buffer.from(own));
  const blocks = Math.max(1, Math.ceil(ownLength / STORED_MAX));
  const out = Buffer.allocUnsafe(GZIP_HEADER.length + shared.deflated.length + blocks * 5 + ownLength + 8);
  let at = GZIP_HEADER.copy(out, 0);
  at += shared.deflated.copy(out, at);
  const ownStart = at + 5;
  for (let block = 0; block < blocks; block++) {
    const length = Math.min(STORED_MAX, ownLength - block * STORED_MAX);
    // BFINAL on the last block, BTYPE 00 (stored); the stream is byte-aligned after the sync flush.
    at = out.writeUInt8(block === blocks - 1 ? 1 : 0, at);
    at = out.writeUInt16LE(length, at);
    at = out.writeUInt16LE(~length & 0xffff, at);
    at += typeof own === 'string' ? out.write(own, at) : own.copy(out, at, block * STORED_MAX, block * STORED_MAX + length);
  }
  // zlib.crc32 of an empty buffer with a start value returned 0 on Node 20.20 (seen in this test).
  const crc = ownLength === 0 ? shared.crc : crc32(typeof own === 'string' ? out.subarray(ownStart, ownStart + ownLength) : own, shared.crc);
  at = out.writeUInt32LE(crc, at);
  out.writeUInt32LE((shared.bytes.length + ownLength) % 2 ** 32, at);
  return out;
}

/** Answers for the Accept-Encoding values seen last: a browser sends the same one with every request. */
const gzipAnswers = new Map<string, boolean>();
const GZIP_ANSWERS_KEPT = 64;

/** Whether the request's Accept-Encoding takes gzip (q > 0, or `*`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return false;
  let answer = gzipAnswers.get(acceptEncoding);
  if (answer === undefined) {
    answer = negotiate(acceptEncoding, ['gzip']) === 'gzip';
    if (gzipAnswers.size >= GZIP_ANSWERS_KEPT) gzipAnswers.clear();
    gzipAnswers.set(acceptEncoding, answer);
  }
  return answer;
}
