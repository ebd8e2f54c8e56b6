import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/*
 * Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no
 * port, no extra package. Enough to load a page, wait for it, read what it rendered, and use it as
 * a person would: paste into a field, choose an option, click.
 */

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

export const INSTALL_HINT = 'headless Chromium is needed to render the HTML reference: run `apt-get update && apt-get install -y chromium` (CI installs it in .ci/run), or set CHROMIUM to a Chrome binary';

export interface Rendered {
  /** document.body.innerText: the text as laid out, without what CSS hides. */
  text: string;
  /** Every URL the page asked for, itself included. */
  requests: string[];
  /** Facts evaluated in the page. */
  facts: Record<string, unknown>;
  screenshot?: Buffer;
}

/** The loaded page, for `interact`: what a person does with it, and what it then shows. */
export interface Page {
  /** The value of a JavaScript expression evaluated in the page (promises awaited); throws what it throws. */
  evaluate(expression: string): Promise<unknown>;
  /** Replaces the text of a textarea or input as a paste does: focused, all selected, the text inserted (input events fire). */
  paste(selector: string, text: string): Promise<void>;
  /** A mouse click in the middle of the element, scrolled into view first. */
  click(selector: string): Promise<void>;
  /** Chooses an option of a select by its value, and fires its change event. */
  choose(selector: string, value: string): Promise<void>;
  /** Waits until the expression is truthy in the page, and returns its value. */
  waitFor(expression: string, timeoutMs?: number): Promise<unknown>;
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

export async function render<T = undefined>(
  url: string,
  options: { facts?: Record<string, string>; screenshot?: boolean; timeoutMs?: number; interact?: (page: Page) => Promise<T> } = {},
): Promise<Rendered & { interaction?: T }> {
  const binary = findChromium();
  if (!binary) throw new Error(INSTALL_HINT);
  const profile = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-chromium-'));
  const child = spawn(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      '--window-size=1280,900',
    ],
    // Its own process group, so that its helpers (which also write to the profile) end with it.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));

  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let buffer = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined && pending.has(message.id)) {
        const p = pending.get(message.id)!;
        pending.delete(message.id);
        if (message.error) p.reject(new Error(message.error.message));
        else p.resolve(message.result ?? {});
      } else for (const l of listeners) l(message);
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const event = (method: string) => new Promise<Message>((resolve) => listeners.push((m) => m.method === method && resolve(m)));

  const timeout = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Chromium did not render ${url} within ${timeout} ms. ${stderr}`)), timeout);
  });
  const gone = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const exited = gone.then((code) => Promise.reject(new Error(`Chromium exited (${code}) before rendering: ${stderr}`)));
  exited.catch(() => undefined);

  const work = async (): Promise<Rendered & { interaction?: T }> => {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const requests: string[] = [];
    listeners.push((m) => {
      if (m.method === 'Network.requestWillBeSent' && m.sessionId === sessionId) requests.push(String((m.params?.request as { url: string }).url));
    });
    await send('Network.enable', {}, sessionId);
    await send('Page.enable', {}, sessionId);
    const loaded = event('Page.loadEventFired');
    await send('Page.navigate', { url }, sessionId);
    await loaded;
    const evaluate = async (expression: string) => {
      const answer = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      const thrown = answer.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
      if (thrown) throw new Error(`${expression} threw in the page: ${thrown.exception?.description ?? thrown.text}`);
      return (answer.result as { value: unknown }).value;
    };
    const element = (selector: string) => `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) throw new Error('no element ' + ${JSON.stringify(selector)}); return e; })()`;
    const page: Page = {
      evaluate,
      async paste(selector, text) {
        await evaluate(`(() => { const e = ${element(selector)}; e.focus(); e.select(); })()`);
        await send('Input.insertText', { text }, sessionId);
      },
      async click(selector) {
        const [x, y] = (await evaluate(`(() => { const e = ${element(selector)}; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)) as [number, number];
        for (const type of ['mousePressed', 'mouseReleased']) await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }, sessionId);
      },
      async choose(selector, value) {
        await evaluate(`(() => { const e = ${element(selector)}; e.value = ${JSON.stringify(value)}; if (e.value !== ${JSON.stringify(value)}) throw new Error('no option ' + ${JSON.stringify(value)}); e.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      },
      async waitFor(expression, waitMs = 30_000) {
        const until = Date.now() + waitMs;
        for (;;) {
          const value = await evaluate(expression);
          if (value) return value;
          if (Date.now() > until) throw new Error(`${expression} stayed false for ${waitMs} ms`);
          await new Promise((r) => setTimeout(r, 20));
        }
      },
    };
    const text = String(await evaluate('document.body.innerText'));
    const facts: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(options.facts ?? {})) facts[name] = await evaluate(expression);
    const interaction = options.interact ? await options.interact(page) : undefined;
    const shot = options.screenshot ? Buffer.from(String((await send('Page.captureScreenshot', { format: 'png' }, sessionId)).data), 'base64') : undefined;
    return { text, requests, facts, ...(options.interact ? { interaction: interaction as T } : {}), ...(shot ? { screenshot: shot } : {}) };
  };

  try {
    return await Promise.race([work(), deadline, exited]);
  } finally {
    clearTimeout(timer);
    // Ask it to close, so that it and its helpers stop writing to the profile; kill the group if it will not.
    if (child.exitCode === null && child.signalCode === null) {
      toBrowser.write(`${JSON.stringify({ id: nextId++, method: 'Browser.close', params: {} })}\0`);
      const closed = await Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
      if (!closed) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await gone;
      }
    }
    // A helper that outlived the group may still hold a file: a stray temporary profile is not the test's failure.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`left the temporary Chromium profile ${profile}: ${(error as Error).message}`);
    }
  }
}
