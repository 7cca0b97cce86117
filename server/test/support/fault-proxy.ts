// A TCP proxy of the tests' own between the simulated laptops and the server: per connection and per
// reply it passes, delays, resets, or lets the request through and drops the reply after the server
// answered (so the server has committed and the laptop never hears it). Decisions come from a seeded
// random source, so a failing run replays with its seed.
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { Random } from './random';

export interface FaultRates {
  /** A new connection is reset before anything is sent on. */
  readonly resetOnConnect: number;
  /** A reply from the server is dropped and the connection reset (the request was handled). */
  readonly dropReply: number;
  /** A chunk either way is held back for up to `maxDelayMs`. */
  readonly delay: number;
  readonly maxDelayMs: number;
}

export interface FaultCounts {
  connections: number;
  resets: number;
  droppedReplies: number;
  delays: number;
}

export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  readonly counts: FaultCounts = { connections: 0, resets: 0, droppedReplies: 0, delays: 0 };
  /** While false, everything passes untouched (the healing phase). */
  faulty = true;
  port = 0;

  constructor(
    private readonly target: () => number,
    private readonly random: Random,
    private readonly rates: FaultRates,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.connection(client));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no proxy address');
    this.port = address.port;
  }

  private connection(client: Socket): void {
    this.counts.connections += 1;
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.faulty && this.random.chance(this.rates.resetOnConnect)) {
      this.counts.resets += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target(), '127.0.0.1');
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => {
      upstream.destroy();
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk: Buffer) => this.forward(chunk, upstream, client, false));
    upstream.on('data', (chunk: Buffer) => this.forward(chunk, client, upstream, true));
  }

  private forward(chunk: Buffer, to: Socket, from: Socket, isReply: boolean): void {
    if (this.faulty && isReply && this.random.chance(this.rates.dropReply)) {
      this.counts.droppedReplies += 1;
      to.resetAndDestroy();
      from.destroy();
      return;
    }
    if (this.faulty && this.random.chance(this.rates.delay)) {
      this.counts.delays += 1;
      // Hold both directions' order: pause the source until this chunk is written.
      from.pause();
      setTimeout(
        () => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        },
        this.random.between(1, this.rates.maxDelayMs),
      );
      return;
    }
    if (!to.destroyed) to.write(chunk);
  }

  /** Cuts every open connection (as a network that goes away). */
  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
