// Secrets stored hashed. Passwords (chosen by people, so guessable) with scrypt (node:crypto), whose stored
// form carries its parameters and salt: scrypt$N$r$p$salt$hash (base64url). Applicants' access codes are
// random with ~79 bits of entropy, so one SHA-256 already puts an offline search out of reach
// (2^79 hashes): they are stored as sha256$hex, which keeps a status look-up at microseconds instead of
// the ~50 ms of CPU an scrypt costs (a look-up is what applicants do most, and what an attacker floods).
import { createHash, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (secret: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(secret, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

const N = 16_384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random token: `bytes` bytes of entropy, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** The access code's alphabet: 31 characters without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * An applicant's access code: 16 characters drawn uniformly from CODE_ALPHABET (16 × log2 31 ≈ 79 bits),
 * grouped by four for reading aloud, e.g. K7QM-2XHP-9TRA-WC4N. Shown once; only its hash is kept.
 */
export function accessCode(): string {
  let out = "";
  for (let i = 0; i < 16; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out.match(/.{4}/g)!.join("-");
}

/** Eight random characters of the codes' alphabet, in two groups (a public submission's reference). */
export function randomReference(): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** The stored form of an access code (normalised: upper case, its four groups of four joined by dashes). */
export function hashCode(code: string): string {
  return `sha256$${createHash("sha256").update(normaliseCode(code)).digest("hex")}`;
}

/** Checks a code against its stored form (sha256$…, or scrypt$… as stored before). */
export async function verifyCode(code: string, stored: string): Promise<boolean> {
  if (!stored.startsWith("sha256$")) return verifySecret(normaliseCode(code), stored);
  const expected = Buffer.from(stored.slice(7), "hex");
  const given = Buffer.from(hashCode(code).slice(7), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A code as typed, in its one stored form: upper case, and whatever separates its characters (spaces,
 * dashes of any kind, none at all) made the four groups of four joined by "-" it was given in.
 */
function normaliseCode(code: string): string {
  const chars = code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return chars.length === 16 ? chars.match(/.{4}/g)!.join("-") : code.trim().toUpperCase();
}
