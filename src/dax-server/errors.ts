// DynamoDB errors as DAX sends them: a code sequence the client maps to an error code, a
// message, then [requestId, errorCode, httpStatus (, cancellation reasons)]. A first element of
// 4 marks a client error (not retried unless the code says so).

import { Writer } from './cbor.js';

const DYNAMO_CODES: Record<string, number> = {
  ProvisionedThroughputExceededException: 40,
  ResourceNotFoundException: 41,
  ConditionalCheckFailedException: 43,
  ResourceInUseException: 45,
  ValidationException: 46,
  InternalServerError: 47,
  ItemCollectionSizeLimitExceededException: 48,
  LimitExceededException: 49,
  ThrottlingException: 50,
  TransactionCanceledException: 58,
  RequestLimitExceeded: 61,
};

export interface CancellationReason {
  code: string;
  message: string | null;
  /** the encoded old item, when the caller asked for it */
  item: Buffer | null;
}

export class DaxWireError extends Error {
  constructor(
    readonly codeSeq: number[],
    message: string,
    readonly errorCode: string | null,
    readonly httpStatus: number,
    readonly cancellationReasons?: CancellationReason[],
  ) {
    super(message);
  }
}

export function validationError(message: string): DaxWireError {
  return new DaxWireError([4, 37, 38, 39, 46], message, 'ValidationException', 400);
}

export function authError(message: string): DaxWireError {
  return new DaxWireError([4, 23, 31, 33], message, 'UnrecognizedClientException', 403);
}

/** Maps an error from the DynamoDB SDK to its DAX form. */
export function fromDynamoError(err: unknown, reasons?: CancellationReason[]): DaxWireError {
  if (err instanceof DaxWireError) return err;
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'InternalServerError';
  const status = e.$metadata?.httpStatusCode ?? (name === 'InternalServerError' ? 500 : 400);
  const n = DYNAMO_CODES[name];
  const seq = n !== undefined ? [4, 37, 38, 39, n] : [4, 37, 38, 39];
  return new DaxWireError(seq, e.message ?? name, name, status, reasons);
}

export function encodeError(err: DaxWireError, requestId: string): Buffer {
  const w = new Writer().value(err.codeSeq).text(err.message);
  const reasons = err.cancellationReasons;
  w.array(reasons !== undefined ? 4 : 3).text(requestId).value(err.errorCode).int(err.httpStatus);
  if (reasons !== undefined) {
    w.array(reasons.length * 3);
    for (const r of reasons) {
      w.value(r.code).value(r.message);
      if (r.item === null) w.null();
      else w.bytes(r.item);
    }
  }
  return w.done();
}
