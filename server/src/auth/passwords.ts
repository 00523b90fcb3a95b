/** scrypt password hashes (salted, slow) and the password rules of issue 3. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k))),
  );

const N = 16384;
const R = 8;
const P = 1;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, 32, {
    N,
    r: R,
    p: P,
    maxmem: 64 * 1024 * 1024,
  });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
  );
  return timingSafeEqual(actual, expected);
}

/** A hash of no account's password: an unknown username costs the same scrypt work as a known one. */
let decoy: Promise<string> | null = null;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(18).toString('base64')));

// The most used passwords worldwide and in Vietnam; lower-cased comparison.
const COMMON = new Set(
  `password password1 password123 12345678 123456789 1234567890 11111111 00000000 88888888 66666666 12341234
  qwerty123 qwertyuiop iloveyou abc12345 abcd1234 1q2w3e4r 1qaz2wsx zaq12wsx admin123 administrator welcome1
  letmein1 sunshine princess football baseball dragon123 monkey123 trustno1 superman matkhau matkhau123 anhyeuem
  emyeuanh yeuem123 vietnam1 vietnam123 hanoi123 saigon123 congan123 biênphòng bienphong 123456abc a1234567
  changeme changeme1 p@ssw0rd passw0rd qwerty12 asdfghjk zxcvbnm1 987654321 123123123 147258369 12344321`
    .split(/\s+/)
    .filter(Boolean),
);

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return 'must have at least 8 characters';
  if (password.length > 200) return 'must have at most 200 characters';
  if (COMMON.has(password.toLowerCase())) return 'is too common';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'must not contain the username';
  return null;
}
