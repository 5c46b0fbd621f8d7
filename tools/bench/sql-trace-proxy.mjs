// A TCP proxy in front of PostgreSQL that records the statements clients send, with their parameters
// (simple and extended protocol), so the benchmark can show and EXPLAIN exactly the SQL a server runs
// per request. Plain connections only (no SSL), which is what pg uses against the embedded server.
import { createServer, connect } from 'node:net';

/**
 * @returns {Promise<{ port: number, statements: { sql: string, params: (string | null)[] }[], reset: () => void, close: () => Promise<void> }>}
 */
export async function startSqlTraceProxy(upstreamHost, upstreamPort) {
  const statements = [];
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(upstreamPort, upstreamHost);
    sockets.add(client).add(upstream);
    upstream.pipe(client);
    const prepared = new Map(); // statement name → SQL, per connection
    let buffer = Buffer.alloc(0);
    let startupDone = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!startupDone) {
          if (buffer.length < 4 || buffer.length < buffer.readInt32BE(0)) return;
          buffer = buffer.subarray(buffer.readInt32BE(0));
          startupDone = true;
          continue;
        }
        if (buffer.length < 5 || buffer.length < buffer.readInt32BE(1) + 1) return;
        const length = buffer.readInt32BE(1);
        readMessage(String.fromCharCode(buffer[0]), buffer.subarray(5, length + 1), prepared, statements);
        buffer = buffer.subarray(length + 1);
      }
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    port: server.address().port,
    statements,
    reset: () => statements.splice(0),
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

function readMessage(type, body, prepared, statements) {
  const cString = (offset) => {
    const end = body.indexOf(0, offset);
    return [body.toString('utf8', offset, end), end + 1];
  };
  if (type === 'Q') statements.push({ sql: cString(0)[0], params: [] });
  if (type === 'P') {
    const [name, next] = cString(0);
    prepared.set(name, cString(next)[0]);
  }
  if (type === 'B') {
    // Bind: portal, statement, format codes, parameter values (text unless a binary format is given).
    let [, offset] = cString(0);
    let statement;
    [statement, offset] = cString(offset);
    const formatCount = body.readInt16BE(offset);
    const formats = Array.from({ length: formatCount }, (_, i) => body.readInt16BE(offset + 2 + 2 * i));
    offset += 2 + 2 * formatCount;
    const paramCount = body.readInt16BE(offset);
    offset += 2;
    const params = [];
    for (let i = 0; i < paramCount; i++) {
      const size = body.readInt32BE(offset);
      offset += 4;
      const binary = (formats.length === 1 ? formats[0] : formats[i]) === 1;
      params.push(size < 0 ? null : binary ? `\\x${body.toString('hex', offset, offset + size)}` : body.toString('utf8', offset, offset + size));
      offset += Math.max(size, 0);
    }
    statements.push({ sql: prepared.get(statement) ?? '', params });
  }
}
