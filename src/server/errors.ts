import { WixhookError } from '../errors.js';

/** The server could not listen where asked: an unknown host, an address of another machine, a port in use. */
export class ServerListenError extends WixhookError {
  static readonly code = 'ERR_SERVER_LISTEN';
  readonly host: string;
  readonly port: number;

  constructor(host: string, port: number, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException)?.code ?? (cause as Error)?.message ?? String(cause);
    super(new.target.code, `Cannot listen on ${host}:${port}: ${reason}${(cause as NodeJS.ErrnoException)?.code === 'ENOTFOUND' ? ' (no such host or address)' : ''}.`, { cause });
    this.host = host;
    this.port = port;
  }
}
