// DAX authenticates a connection with a SigV4 signature over a fixed empty request. The client
// sends the string it signed; the server recomputes the HMAC with the secret it knows for the
// access key and compares. (A real cluster also checks the date and IAM permissions; a local
// server only needs to tell the right secret from a wrong one.)

import { createHmac, timingSafeEqual } from 'node:crypto';

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** true when `signatureHex` is the SigV4 signature of `stringToSign` with `secret`. */
export function verifySignature(secret: string, stringToSign: string, signatureHex: string): boolean {
  const scope = stringToSign.split('\n')[2];
  const parts = scope?.split('/');
  if (parts === undefined || parts.length !== 4) return false;
  const [date, region, service, terminator] = parts as [string, string, string, string];
  let key = hmac(`AWS4${secret}`, date);
  key = hmac(key, region);
  key = hmac(key, service);
  key = hmac(key, terminator);
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(signatureHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
