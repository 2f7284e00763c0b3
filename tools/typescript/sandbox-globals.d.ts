// Globals the Codemode sandbox gives model code besides the connectors: checked together with the
// generated declarations so that usage files can log and wait. Keep in step with the sandbox.

interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}

declare const console: Console;

declare function setTimeout(callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]): number;

declare function clearTimeout(id: number | undefined): void;
