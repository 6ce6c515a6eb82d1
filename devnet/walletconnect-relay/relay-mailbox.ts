// The relay's memory: which client listens to which topic, and every message published on a topic
// until its TTL ends, so a client that subscribes late (the wallet after scanning the QR) or comes
// back after a reconnect still gets it. Clients are told apart by the key in their auth token,
// not by socket: a reconnecting client is the same client, and never gets its own messages back.

export interface RelayMessage {
  topic: string;
  /** the encrypted envelope, as published (base64) */
  message: string;
  /** when the relay received it, ms since the epoch */
  publishedAt: number;
  /** the publisher's hint of what the envelope holds (e.g. 1100 = session proposal) */
  tag: number;
  attestation?: string;
}

export interface Delivery {
  client: string;
  subscriptionId: string;
  message: RelayMessage;
}

interface Stored extends RelayMessage {
  id: number;
  from: string;
  expiresAt: number;
  deliveredTo: Set<string>;
}

export class RelayMailbox {
  private readonly messages = new Map<string, Stored[]>();
  /** topic → client → subscription id */
  private readonly subscriptions = new Map<string, Map<string, string>>();
  private nextId = 1;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly newSubscriptionId: (client: string, topic: string) => string = (client, topic) => `${client}:${topic}`,
  ) {}

  /** Subscribes `client` to `topic` (again: the same id) and returns the id and what waits for it. */
  subscribe(client: string, topic: string): { subscriptionId: string; waiting: Delivery[] } {
    let byClient = this.subscriptions.get(topic);
    if (!byClient) this.subscriptions.set(topic, (byClient = new Map()));
    let subscriptionId = byClient.get(client);
    if (!subscriptionId) byClient.set(client, (subscriptionId = this.newSubscriptionId(client, topic)));
    return { subscriptionId, waiting: this.take(client, [topic]) };
  }

  unsubscribe(client: string, topic: string): boolean {
    return this.subscriptions.get(topic)?.delete(client) ?? false;
  }

  /** Stores the message for its TTL and returns the deliveries to the topic's other subscribers. */
  publish(from: string, message: Omit<RelayMessage, "publishedAt"> & { ttlSeconds: number }): Delivery[] {
    this.expire();
    const { ttlSeconds, ...rest } = message;
    const stored: Stored = { ...rest, publishedAt: this.now(), id: this.nextId++, from, expiresAt: this.now() + ttlSeconds * 1000, deliveredTo: new Set() };
    const list = this.messages.get(message.topic) ?? [];
    list.push(stored);
    this.messages.set(message.topic, list);
    const deliveries: Delivery[] = [];
    for (const [client, subscriptionId] of this.subscriptions.get(message.topic) ?? []) {
      if (client === from) continue;
      stored.deliveredTo.add(client);
      deliveries.push({ client, subscriptionId, message: publicPart(stored) });
    }
    return deliveries;
  }

  /** Messages on `topics` that `client` has not had yet (irn_batchFetchMessages), now marked as had. */
  fetch(client: string, topics: string[]): RelayMessage[] {
    return this.take(client, topics).map((d) => d.message);
  }

  /** How many unexpired messages the relay holds, for tests and logs. */
  size(): number {
    this.expire();
    let n = 0;
    for (const list of this.messages.values()) n += list.length;
    return n;
  }

  private take(client: string, topics: string[]): Delivery[] {
    this.expire();
    const out: Delivery[] = [];
    for (const topic of topics) {
      const subscriptionId = this.subscriptions.get(topic)?.get(client) ?? "";
      for (const stored of this.messages.get(topic) ?? []) {
        if (stored.from === client || stored.deliveredTo.has(client)) continue;
        stored.deliveredTo.add(client);
        out.push({ client, subscriptionId, message: publicPart(stored) });
      }
    }
    return out;
  }

  private expire() {
    const now = this.now();
    for (const [topic, list] of this.messages) {
      const kept = list.filter((m) => m.expiresAt > now);
      if (kept.length === 0) this.messages.delete(topic);
      else if (kept.length !== list.length) this.messages.set(topic, kept);
    }
  }
}

function publicPart(stored: Stored): RelayMessage {
  return {
    topic: stored.topic,
    message: stored.message,
    publishedAt: stored.publishedAt,
    tag: stored.tag,
    ...(stored.attestation !== undefined ? { attestation: stored.attestation } : {}),
  };
}
