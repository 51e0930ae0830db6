// Structured JSON logs. Personal data never goes into a log line: log ids, not names or e-mail addresses.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'schakelpunt' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['password', '*.password', 'req.headers.cookie', 'email', '*.email'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream | undefined,
  );
}
