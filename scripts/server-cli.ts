/**
 * What the two demo servers share as commands (`npm start`: scripts/start.ts; `node build/demo-server.js`:
 * scripts/demo-server.ts): where to listen, stopping on Ctrl-C or SIGTERM, and running only when started directly.
 */
import { pathToFileURL } from 'node:url';

/** The port and host given, else `PORT` and `HOST`, else `defaultPort` on 127.0.0.1 (only this machine can connect). */
export function listenAddress(
  given: { port?: number | undefined; host?: string | undefined },
  defaultPort: number,
): { port: number; host: string } {
  const port = given.port ?? (process.env['PORT'] ? Number(process.env['PORT']) : defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`PORT must be a port number, got ${process.env['PORT']}`);
  return { port, host: given.host ?? process.env['HOST'] ?? '127.0.0.1' };
}

/** Closes the server on SIGINT or SIGTERM, then exits: 0 once closed, 1 if closing fails or hangs. */
export function stopOnSignals(close: () => Promise<void>, announce: (signal: NodeJS.Signals) => void = () => {}): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches every process of the terminal's group, and tsx relays it too: one stop is enough.
    if (stopping) return;
    stopping = true;
    // Vite closes itself on SIGTERM too, then exits with 128 + signal unless an exit code is already set.
    process.exitCode = 0;
    announce(signal);
    setTimeout(() => process.exit(1), 5000).unref(); // a connection that never closes must not keep us alive
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs `main` when `moduleUrl` is the file Node was started with (not when a test imports it). */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().catch((error: unknown) => {
    console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
