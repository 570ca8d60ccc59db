// Every condition of a lease, as the controller reports it.
import { Table, Tbody, Td, Th, Thead, Tr } from "@/components/table/table";
import { RelativeTime } from "@/components/relative-time";
import { kubeTimeToMs } from "@/domain/durations";
import type { Condition } from "@/gen/jumpstarter/v1/kubernetes_pb.js";
import { formatAbsoluteWithSeconds } from "@/lib/format-date";

function Text({ value }: { value: string | undefined }) {
  return value === undefined || value === "" ? <span className="portal-muted">—</span> : <>{value}</>;
}

export function LeaseConditionsTable({ conditions, leaseName }: { conditions: readonly Condition[]; leaseName: string }) {
  if (conditions.length === 0) {
    return <p className="portal-muted">No conditions yet: the controller has not looked at this lease, or it waits for its begin time.</p>;
  }
  return (
    <Table aria-label={`Conditions of lease ${leaseName}`} role="table" variant="compact" gridBreakPoint="grid-md">
      <Thead>
        <Tr>
          <Th modifier="wrap">Type</Th>
          <Th modifier="wrap">Status</Th>
          <Th modifier="wrap">Reason</Th>
          <Th modifier="wrap">Message</Th>
          <Th modifier="wrap">Last transition</Th>
          <Th modifier="wrap">Observed generation</Th>
        </Tr>
      </Thead>
      <Tbody>
        {conditions.map((c, i) => {
          const at = kubeTimeToMs(c.lastTransitionTime);
          return (
            <Tr key={`${c.type ?? ""}-${i}`}>
              <Td dataLabel="Type">
                <Text value={c.type} />
              </Td>
              <Td dataLabel="Status">
                <Text value={c.status} />
              </Td>
              <Td dataLabel="Reason">
                <Text value={c.reason} />
              </Td>
              <Td dataLabel="Message" className="portal-cell-name">
                <Text value={c.message} />
              </Td>
              <Td dataLabel="Last transition">
                {at === undefined ? (
                  <span className="portal-muted">—</span>
                ) : (
                  <span className="portal-time-cell">
                    <RelativeTime ms={at} />
                    <span className="portal-time-cell__absolute">{formatAbsoluteWithSeconds(at)}</span>
                  </span>
                )}
              </Td>
              <Td dataLabel="Observed generation">{c.observedGeneration === undefined ? <span className="portal-muted">—</span> : String(c.observedGeneration)}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
