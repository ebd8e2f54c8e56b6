import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A real SSM-compatible server for the live contract tests: python moto's `moto_server`, on
 * 127.0.0.1 at a port it picks itself, behind a loopback proxy that records every request that
 * reaches it. The proxy is the proof that a call never left the client: what it did not see,
 * moto did not get.
 */

export const MOTO_VERSION = '5.2.1';

export const INSTALL_HINT =
  `The live contract tests need moto ${MOTO_VERSION}'s server on PATH (CI machines have it). Install it with ` +
  `\`python3 -m pip install 'moto[server]==${MOTO_VERSION}'\`, or set MOTO_SERVER to the moto_server executable.`;

/** One request that reached the server through the proxy, with the answer it got. */
export interface WireExchange {
  method: string;
  path: string;
  target: string | undefined;
  requestBody: string;
  status: number;
  contentType: string | undefined;
  responseBody: string;
}

export interface Moto {
  /** The proxy's URL: give it to clients as their endpoint. */
  endpoint: string;
  /** moto's own URL, for what must not be counted. */
  direct: string;
  /** Every exchange that went through the proxy, in order. */
  exchanges: WireExchange[];
  stop(): Promise<void>;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Starts `moto_server -H 127.0.0.1 -p 0` and resolves with the port it printed. */
function spawnMoto(command: string, timeoutMs: number): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`moto_server did not start within ${timeoutMs} ms. Its output:\n${output}`));
    }, timeoutMs);
    const done = (error?: Error, port?: number) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      if (error) reject(error);
      else resolve({ child, port: port! });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) done(undefined, Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error: NodeJS.ErrnoException) => {
      done(new Error(error.code === 'ENOENT' ? `${command} was not found. ${INSTALL_HINT}` : `cannot run ${command}: ${error.message}. ${INSTALL_HINT}`));
    });
    child.once('exit', (code, signal) => done(new Error(`moto_server exited (${signal ?? `status ${code}`}) before it served anything. Its output:\n${output}\n${INSTALL_HINT}`)));
  });
}

/** Polls until moto answers over HTTP. */
async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/moto-api/data.json`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto_server at ${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startProxy(target: { port: number }, exchanges: WireExchange[]): Promise<Server> {
  const server = createServer(async (req, res) => {
    const requestBody = await readAll(req);
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, async (answer) => {
      const responseBody = await readAll(answer);
      exchanges.push({
        method: req.method ?? '',
        path: req.url ?? '',
        target: header(req.headers, 'x-amz-target'),
        requestBody: requestBody.toString('utf8'),
        status: answer.statusCode ?? 0,
        contentType: header(answer.headers, 'content-type'),
        responseBody: responseBody.toString('utf8'),
      });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(responseBody);
    });
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    upstream.end(requestBody);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Starts moto and the proxy in front of it; stop() ends both, and they end with this process at the latest. */
export async function startMoto({ timeoutMs = 120_000, command = process.env.MOTO_SERVER || 'moto_server' } = {}): Promise<Moto> {
  const { child, port } = await spawnMoto(command, timeoutMs);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const direct = `http://127.0.0.1:${port}`;
  const exchanges: WireExchange[] = [];
  let proxy: Server | undefined;
  const stop = async () => {
    process.off('exit', kill);
    if (proxy) {
      const closing = new Promise<void>((resolve) => proxy!.close(() => resolve()));
      proxy.closeAllConnections();
      await closing;
    }
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitUntilAnswering(direct, timeoutMs);
    proxy = await startProxy({ port }, exchanges);
  } catch (error) {
    await stop();
    throw error;
  }
  const { port: proxyPort } = proxy.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${proxyPort}`, direct, exchanges, stop };
}
