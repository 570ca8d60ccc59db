// Group commit's promise to callers: no answer leaves before what it reports
// is on disk. The store batches the writes of one event-loop turn into one
// transaction (store.ts); this interceptor holds every answer, success or
// refusal, until that batch is committed. A read waits too, so nobody is shown
// a change that a crash could still take back.
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";

export interface DurableStore {
  durable(): Promise<void>;
}

export function durableAnswers(store: DurableStore): Interceptor {
  const saved = async (): Promise<void> => {
    try {
      await store.durable();
    } catch (e) {
      throw new ConnectError(e instanceof Error ? e.message : String(e), Code.Internal);
    }
  };
  return (next) => async (req) => {
    let answer;
    try {
      answer = await next(req);
    } catch (refusal) {
      await saved();
      throw refusal;
    }
    await saved();
    return answer;
  };
}
