// grpc.health.v1.Health, as the controller serves it next to ClientService:
// no authentication, SERVING for the server ("") and for ClientService [T4].
// Unknown services are answered the way grpc-go's health server does: Check
// fails with NOT_FOUND "unknown service", Watch reports SERVICE_UNKNOWN and
// stays open. When the lab stops, open watches hear NOT_SERVING and end, so
// a watching client does not hold the shutdown up.
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { HealthCheckResponse_ServingStatus as ServingStatus, type Health } from "../../src/gen/grpc/health/v1/health_pb.js";

export interface LabHealth {
  readonly service: ServiceImpl<typeof Health>;
  /** From now on everything is NOT_SERVING; open watches are told so and end. */
  shutdown(): void;
}

/** `services`: the fully qualified names this server serves (the server itself, "", is always known). */
export function createHealthService(services: readonly string[]): LabHealth {
  const known = new Set(["", ...services]);
  let shuttingDown = false;
  const onShutdown = new Set<() => void>();

  const status = (service: string): ServingStatus => {
    if (!known.has(service)) return ServingStatus.SERVICE_UNKNOWN;
    return shuttingDown ? ServingStatus.NOT_SERVING : ServingStatus.SERVING;
  };

  /** Resolves when the client goes away or the lab stops, whichever comes first. */
  const endOfWatch = (ctx: HandlerContext): Promise<void> =>
    new Promise((resolve) => {
      if (shuttingDown || ctx.signal.aborted) return resolve();
      const done = (): void => {
        onShutdown.delete(done);
        ctx.signal.removeEventListener("abort", done);
        resolve();
      };
      onShutdown.add(done);
      ctx.signal.addEventListener("abort", done);
    });

  return {
    service: {
      check(req) {
        if (!known.has(req.service)) throw new ConnectError("unknown service", Code.NotFound);
        return { status: status(req.service) };
      },
      async *watch(req, ctx) {
        const first = status(req.service);
        yield { status: first };
        await endOfWatch(ctx);
        if (ctx.signal.aborted) return;
        // The lab is stopping: a change of status, as grpc-go sends at shutdown.
        const last = status(req.service);
        if (last !== first) yield { status: last };
      },
    },
    shutdown() {
      shuttingDown = true;
      for (const done of [...onShutdown]) done();
    },
  };
}
