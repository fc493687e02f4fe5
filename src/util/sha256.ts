import { createHash } from 'node:crypto';

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
