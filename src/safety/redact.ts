// The last line of defence against printing a credential: every line ddbench writes to the
// console goes through redactSecrets. ddbench itself never puts a credential in a message, but
// an endpoint or a proxy can echo the request's Authorization or X-Amz-Security-Token header
// back in an error message (test/integration/safety-credentials.test.ts has one that does), and
// that message may reach the console. Pure apart from reading the credential variables.

const REDACTED = '[redacted]';

/** Header and query forms of SigV4 material: Credential=AKIA.../scope, Signature=<hex>, security tokens. */
const PATTERNS: RegExp[] = [
  // the whole `Credential=...` / `Signature=...`, key included: nothing of the signature's shape is left
  /()(?:X-Amz-)?Credential=[^\s,&"']+/gi,
  /()(?:X-Amz-)?Signature=[0-9a-f]+/gi,
  /(X-Amz-Security-Token["']?[ \t]*[:=][ \t]*["']?)[^\s,&"']+/gi,
  /(aws_secret_access_key["']?[ \t]*[:=][ \t]*["']?)[^\s,&"']+/gi,
  /(aws_session_token["']?[ \t]*[:=][ \t]*["']?)[^\s,&"']+/gi,
  // access key ids: long-term (AKIA) and temporary (ASIA)
  /()\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
];

const SECRET_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

/** `text` with every credential-looking part, and the values of the AWS credential variables, replaced. */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    // short values (`x`, the dummy credentials of local endpoints) would redact ordinary words
    if (value !== undefined && value.length >= 8) out = out.split(value).join(REDACTED);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}
