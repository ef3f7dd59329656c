import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, deflateShared, gzipSharedThenOwn } from './precompressed.js';

describe('gzip of a shared part and a reader\'s own bytes', () => {
  it('inflates to the two parts joined, whatever their sizes (stored blocks split at 65 535 bytes)', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 2_000 }).map((s) => Buffer.from(s)),
      fc.integer({ min: 65_000, max: 140_000 }).map((n) => Buffer.alloc(n, 'a名')),
    );
    fc.assert(fc.property(bytes, bytes, (shared, own) => {
      const body = gzipSharedThenOwn(deflateShared(Buffer.from(shared)), Buffer.from(own));
      expect(gunzipSync(body).equals(Buffer.concat([shared, own]))).toBe(true);
      // The same bytes handed over as a string (when they are UTF-8).
      const text = Buffer.from(own).toString('utf8');
      expect(gunzipSync(gzipSharedThenOwn(deflateShared(Buffer.from(shared)), text)).equals(Buffer.concat([shared, Buffer.from(text)]))).toBe(true);
    }), { numRuns: 200, examples: [[Buffer.alloc(70_000, 'a名'), Buffer.alloc(0)], [Buffer.alloc(0), Buffer.alloc(0)]] });
  });

  it('compresses the shared part: a ranking-like page shrinks to a fraction', () => {
    const page = Buffer.from(JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ rank: i + 1, subject: { name: `张${i}`, unitName: '区公安分局治安大队' }, grade: '好' }))));
    const body = gzipSharedThenOwn(deflateShared(page), Buffer.from('"me":null}'));
    expect(body.length).toBeLessThan(page.length / 3);
    expect(gunzipSync(body).toString()).toBe(`${page.toString()}"me":null}`);
  });

  it('takes gzip only when the client accepts it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br;q=1, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('gzip;q=0, deflate')).toBe(false);
  });
});
