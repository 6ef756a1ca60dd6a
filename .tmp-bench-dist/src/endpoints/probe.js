// Readiness means "answers a real DynamoDB request", not "the port is open": DynamoDB Local
// binds its port a moment before its request handlers are wired, and an open port may belong
// to something else. A raw ListTables keeps the supervisor free of the SDK (faster start).
import http from 'node:http';
/**
 * Sends ListTables to 127.0.0.1:port. Resolves true on a 200 whose body holds `TableNames`,
 * false on any other answer, error or timeout. Never rejects.
 */
export function probeListTables(port, timeoutMs = 2000) {
    return new Promise((resolve) => {
        const body = '{}';
        const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
        const req = http.request({
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/',
            agent: false,
            timeout: timeoutMs,
            headers: {
                'Content-Type': 'application/x-amz-json-1.0',
                'Content-Length': Buffer.byteLength(body),
                'X-Amz-Target': 'DynamoDB_20120810.ListTables',
                'X-Amz-Date': amzDate,
                // Local endpoints check the header's shape, not the signature.
                Authorization: `AWS4-HMAC-SHA256 Credential=ddbench/${amzDate.slice(0, 8)}/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0`,
            },
        }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => {
                try {
                    resolve(res.statusCode === 200 && Array.isArray(JSON.parse(text).TableNames));
                }
                catch {
                    resolve(false);
                }
            });
            res.on('error', () => resolve(false));
        });
        req.on('timeout', () => req.destroy(new Error('probe timeout')));
        req.on('error', () => resolve(false));
        req.end(body);
    });
}
//# sourceMappingURL=probe.js.map