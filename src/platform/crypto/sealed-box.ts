// Sealing small secrets at rest with AES-256-GCM (authenticated encryption, Node's crypto).
// A sealed value reads `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is a
// short hash of the key, so a value sealed under another key is recognised and refused instead of
// decrypting to garbage; a key rotation can open with the old key and seal with the new one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const SEALED_KEY_BYTES = 32;

export interface SealingKey {
  id: string;
  key: Buffer;
}

export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== SEALED_KEY_BYTES) throw new Error(`A sealing key has ${SEALED_KEY_BYTES} bytes, not ${key.length}`);
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
}

/** Seals text; `context` (e.g. the person's id) is bound in, so a sealed value cannot be moved to another row. */
export function seal(key: SealingKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`Cannot open sealed value: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/** Opens a sealed value with whichever of the keys sealed it; throws SealedValueError otherwise. */
export function open(keys: SealingKey[], sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') throw new SealedValueError('unknown format');
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new SealedValueError(`sealed with key ${keyId}, which is not configured`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError('altered, or sealed for another record');
  }
}
