import { generatePassword, hashPassword } from '../auth/index.js';

/** A temporary password for each username, hashed in parallel on libuv's thread pool. */
export async function issueTemporaryPasswords(
  usernames: string[],
  onProgress?: (done: number) => void,
): Promise<Map<string, { password: string; hash: string }>> {
  const out = new Map<string, { password: string; hash: string }>();
  const window = 64;
  for (let i = 0; i < usernames.length; i += window) {
    await Promise.all(usernames.slice(i, i + window).map(async (username) => {
      const password = generatePassword(14);
      out.set(username, { password, hash: await hashPassword(password, 'temporary') });
    }));
    onProgress?.(Math.min(i + window, usernames.length));
  }
  return out;
}
