// The errors a new AWS user meets first (no credentials, a stale token, a missing IAM permission,
// a host that does not resolve, nothing listening, throttling while the table is set up) become
// one line that says what happened and what to do, with the exit code the case deserves:
//   2 (invalid input) when the user must change something before a retry can work: credentials,
//     IAM policy, the target's host name;
//   3 (runtime error) when the target or the network failed and the same command may work later:
//     refused or timed-out connections, a DNS server that did not answer, throttling.
// Pure: it reads the error object only (the SDK's name, message, $metadata and Node's code), so
// every case is unit-testable without a network.
import { EXIT } from './exit-codes.js';

export interface ExplainedError {
  line: string;
  exitCode: number;
}

interface ErrorFields {
  name: string;
  message: string;
  code: string;
  hostname: string;
  address: string;
  port: string;
  /** the SDK command that failed (set by the control-plane client's middleware), e.g. CreateTable */
  operation: string;
  attempts: number;
}

/** Where the control-plane client (drivers/client.ts) records the failing command's name on the error. */
const OPERATION_TAG = 'ddbenchOperation';

function fields(err: object): ErrorFields {
  const e = err as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const meta = e['$metadata'] as { attempts?: unknown } | undefined;
  return {
    name: str(e['name']),
    message: str(e['message']),
    code: str(e['code']),
    hostname: str(e['hostname']),
    address: str(e['address']),
    port: str(e['port']),
    operation: str(e[OPERATION_TAG]),
    attempts: typeof meta?.attempts === 'number' ? meta.attempts : 0,
  };
}

/** The error and its causes, outermost first (a RuntimeError from seeding wraps the SDK's error). */
function chain(err: unknown): object[] {
  const out: object[] = [];
  for (let e = err; typeof e === 'object' && e !== null && out.length < 5; ) {
    out.push(e);
    // Node's happy-eyeballs connect fails with an AggregateError holding one error per address
    const inner = (e as { errors?: unknown }).errors;
    e = (e as { cause?: unknown }).cause ?? (Array.isArray(inner) ? inner[0] : undefined);
  }
  return out;
}

const AUTH_EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);
const AUTH_INVALID = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'IncompleteSignatureException', 'MissingAuthenticationTokenException', 'MissingAuthenticationToken', 'SignatureDoesNotMatch']);
const THROTTLED = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'LimitExceededException', 'TooManyRequestsException']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

const SET_CREDENTIALS = 'run "aws configure" or "aws sso login" (then set AWS_PROFILE), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; local targets need none';

function explainOne(f: ErrorFields): ExplainedError | undefined {
  const during = f.operation ? ` on ${f.operation}` : '';
  if (f.name === 'CredentialsProviderError' || /Could not load credentials from any providers/.test(f.message)) {
    const detail = /Could not load credentials from any providers/.test(f.message) ? 'no AWS credentials found' : `no usable AWS credentials (${f.message.split('\n')[0]})`;
    return { line: `${detail}: ${SET_CREDENTIALS}`, exitCode: EXIT.invalidInput };
  }
  if (AUTH_EXPIRED.has(f.name)) {
    return { line: `AWS rejected the credentials as expired (${f.name}${during}): refresh them ("aws sso login", or new temporary keys in AWS_SESSION_TOKEN) and run again`, exitCode: EXIT.invalidInput };
  }
  if (AUTH_INVALID.has(f.name)) {
    return { line: `AWS rejected the credentials (${f.name}${during}: ${f.message}): check that AWS_PROFILE, or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, belong together and to this account`, exitCode: EXIT.invalidInput };
  }
  if (f.name === 'AccessDeniedException' || f.name === 'AccessDenied') {
    // AWS names the principal, the action and the resource: "User: arn:... is not authorized to perform: dynamodb:CreateTable on resource: arn:..."
    const action = /not authorized to perform:?\s*([\w-]+:[\w*]+)/i.exec(f.message)?.[1] ?? (f.operation ? `dynamodb:${f.operation}` : undefined);
    const principal = /User:\s*(\S+)/.exec(f.message)?.[1];
    const resource = /on resource:?\s*([^\s,]+)/i.exec(f.message)?.[1];
    const who = principal ?? 'these credentials';
    if (action === undefined) return { line: `access denied (${f.message}): grant the missing IAM action to ${who}; docs/aws.md "AWS permissions" lists what ddbench calls`, exitCode: EXIT.invalidInput };
    return {
      line: `access denied: ${who} may not call ${action}${resource ? ` on ${resource}` : ''}: allow ${action} in its IAM policy (docs/aws.md "AWS permissions" lists every action ddbench calls)`,
      exitCode: EXIT.invalidInput,
    };
  }
  if (THROTTLED.has(f.name)) {
    const tries = f.attempts > 0 ? ` after ${f.attempts} attempt${f.attempts > 1 ? 's' : ''}` : '';
    return {
      line: `the target throttled table setup (${f.name}${during}${tries}: ${f.message}): wait a minute and run again, or give the table more capacity (table.billingMode: PAY_PER_REQUEST, or higher provisioned throughput), or seed fewer items`,
      exitCode: EXIT.runtimeError,
    };
  }
  if (f.code === 'ENOTFOUND') {
    return { line: `cannot resolve host "${f.hostname || f.message.replace(/^getaddrinfo ENOTFOUND /, '')}": nothing was sent; check the host in --target (or --region for --target aws)`, exitCode: EXIT.invalidInput };
  }
  if (f.code === 'EAI_AGAIN') {
    return { line: `cannot resolve host "${f.hostname}": the DNS server did not answer; check the network and run again`, exitCode: EXIT.runtimeError };
  }
  if (UNREACHABLE.has(f.code) || f.name === 'TimeoutError') {
    const where = f.address ? `${f.address}${f.port ? `:${f.port}` : ''}` : 'the target';
    const what = f.code === 'ECONNREFUSED' ? 'connection refused: nothing is listening there' : `${f.code || f.name}: no answer`;
    return { line: `cannot reach ${where} (${what}): start the endpoint or check --target, the network and any proxy, then run again`, exitCode: EXIT.runtimeError };
  }
  return undefined;
}

/** One line and an exit code for a known AWS, credential or network failure; undefined for anything else. */
export function explainTargetError(err: unknown): ExplainedError | undefined {
  const links = chain(err);
  // the innermost explainable cause tells what went wrong; an outer RuntimeError adds where (seeding)
  for (let i = links.length - 1; i >= 0; i--) {
    const explained = explainOne(fields(links[i]!));
    if (explained === undefined) continue;
    const context = i > 0 ? /^(seeding table "[^"]+")/.exec(fields(links[0]!).message)?.[1] : undefined;
    return context ? { ...explained, line: `${context}: ${explained.line}` } : explained;
  }
  return undefined;
}

interface RecordedOperation {
  count?: number;
  errorNames?: Record<string, number>;
}

/**
 * Data operations the target refused with AccessDeniedException during the load (they are
 * recorded, not thrown): one line naming the IAM actions to allow, or undefined when none were.
 * `types` maps an operation's name to its DynamoDB call (GetItem, Query...).
 */
export function explainRecordedDenials(operations: Record<string, RecordedOperation>, types: Record<string, string>): ExplainedError | undefined {
  let denied = 0;
  let total = 0;
  const actions = new Set<string>();
  for (const [name, op] of Object.entries(operations)) {
    total += op.count ?? 0;
    const n = (op.errorNames?.['AccessDeniedException'] ?? 0) + (op.errorNames?.['AccessDenied'] ?? 0);
    if (n === 0) continue;
    denied += n;
    actions.add(`dynamodb:${types[name] ?? name}`);
  }
  if (denied === 0) return undefined;
  const list = [...actions].join(', ');
  return {
    line: `access denied on ${denied} of ${total} requests (${list} refused with AccessDeniedException): allow ${actions.size > 1 ? 'these actions' : 'it'} in the credentials' IAM policy (docs/aws.md "AWS permissions"); this run measured refusals, not DynamoDB`,
    exitCode: EXIT.invalidInput,
  };
}
