import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
const COSTS = {
  /** Chosen passwords: 16 MiB and ~40 ms per hash, so guessing human passwords stays expensive. */
  standard: { N: 16384, r: 8, p: 1 },
  /**
   * Generated temporary passwords (imports of up to 100 000 accounts): nominal cost. A work factor
   * protects guessable passwords; a generated 14-character one has ~81 bits of entropy, out of reach
   * at any cost per guess, and it must be replaced at first sign-in (hashed at the standard cost).
   */
  temporary: { N: 16, r: 8, p: 1 },
} as const;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, cost: keyof typeof COSTS = 'standard'): Promise<string> {
  const params = COSTS[cost];
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/** A password for people to type once: no look-alike characters (0/O, 1/l/I). */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A hash no password matches, for constant-time answers to unknown usernames. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(64).toString('base64')}`;
