/**
 * A real SMTP server (smtp-server) that keeps what it receives, so tests read the mails the
 * service sends and follow their links.
 */
import { SMTPServer } from 'smtp-server';
import { until } from './until.ts';

export type ReceivedMail = { to: string[]; raw: string; text: string };

/** An SMTP reply refusing a recipient: 4xx asks to try later, 5xx refuses for good. */
export type SmtpRefusal = { code: number; message: string };

export async function startSmtpServer(
  options: { refuse?: (recipient: string) => SmtpRefusal | undefined } = {},
): Promise<{ url: string; mails: ReceivedMail[]; connections: () => number; waitForMail: (to: string, match?: RegExp, timeoutMs?: number) => Promise<ReceivedMail>; stop: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Quoted-printable soft line breaks and escapes, enough to read links back.
        const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };

  async function waitForMail(to: string, match: RegExp = /./, timeoutMs = 15_000): Promise<ReceivedMail> {
    const found = await until(`a mail to ${to} matching ${match}`, () => mails.find((mail) => mail.to.includes(to) && match.test(mail.text)), Boolean, timeoutMs);
    return found!;
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** SMTP connections opened so far. */
    connections: () => connections,
    waitForMail,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
