// The provider's state (sessions, interactions, codes, grants, tokens) in
// memory, with expiry: enough for a demo provider whose users sign in again
// after a restart. It is the storage interface oidc-provider asks of an adapter.
interface Entry {
  payload: Record<string, unknown>;
  expiresAtMs: number | undefined;
}

export interface ProviderAdapter {
  upsert(id: string, payload: Record<string, unknown>, expiresIn: number | undefined): Promise<void>;
  find(id: string): Promise<Record<string, unknown> | undefined>;
  findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined>;
  findByUid(uid: string): Promise<Record<string, unknown> | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

export class MemoryStorage {
  private readonly entries = new Map<string, Entry>();

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs !== undefined && entry.expiresAtMs <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** One adapter per model name (Session, AccessToken, ...), as oidc-provider constructs them. */
  adapterFor(model: string): ProviderAdapter {
    const key = (id: string): string => `${model}:${id}`;
    const findBy = (field: string, value: string): Record<string, unknown> | undefined => {
      for (const [k] of this.entries) {
        if (!k.startsWith(`${model}:`)) continue;
        const entry = this.live(k);
        if (entry?.payload[field] === value) return entry.payload;
      }
      return undefined;
    };
    return {
      upsert: (id, payload, expiresIn) => {
        this.entries.set(key(id), { payload, expiresAtMs: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000 });
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(this.live(key(id))?.payload),
      findByUserCode: (userCode) => Promise.resolve(findBy("userCode", userCode)),
      findByUid: (uid) => Promise.resolve(findBy("uid", uid)),
      consume: (id) => {
        const entry = this.live(key(id));
        if (entry !== undefined) entry.payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy: (id) => {
        this.entries.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId: (grantId) => {
        for (const [k, entry] of [...this.entries]) if (entry.payload.grantId === grantId) this.entries.delete(k);
        return Promise.resolve();
      },
    };
  }
}
