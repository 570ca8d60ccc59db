// Messages encoded once per record. Records are immutable (a change stores a
// new one), so a record's encoded message stays right until the record is
// replaced, and a WeakMap lets it go with the record. A list answer is then
// put together from those bytes as the repeated field's entries, which
// protobuf's writer copies as they are (a message's unknown fields are written
// after its known ones; field order does not matter on the wire). Listing a
// thousand exporters so costs a copy of bytes instead of building and encoding
// a thousand messages per call.
import { create, toBinary, type DescMessage, type MessageInitShape, type MessageShape, type UnknownField } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

/** The encoded entry of a repeated message field: the message's length, then its bytes. */
export type EncodedEntry = Uint8Array;

/** The entry of one message, encoded now. */
export function encodedEntry<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): EncodedEntry {
  return new BinaryWriter().bytes(toBinary(schema, message)).finish();
}

/**
 * `encode(record, variant)` returns the entry for `toMessage(record, variant)`,
 * built and encoded at the first call for that record and variant.
 */
export function encodedPerRecord<R extends object, V extends string, Desc extends DescMessage>(
  schema: Desc,
  toMessage: (record: R, variant: V) => MessageShape<Desc>,
): (record: R, variant: V) => EncodedEntry {
  const cache = new WeakMap<R, Map<V, EncodedEntry>>();
  return (record, variant) => {
    let byVariant = cache.get(record);
    if (byVariant === undefined) {
      byVariant = new Map();
      cache.set(record, byVariant);
    }
    let entry = byVariant.get(variant);
    if (entry === undefined) {
      entry = encodedEntry(schema, toMessage(record, variant));
      byVariant.set(variant, entry);
    }
    return entry;
  };
}

/** A message of `schema` with `init`, whose repeated message field `fieldNo` holds `entries` (already encoded). */
export function withEncodedEntries<Desc extends DescMessage>(
  schema: Desc,
  init: MessageInitShape<Desc>,
  fieldNo: number,
  entries: readonly EncodedEntry[],
): MessageShape<Desc> {
  const message = create(schema, init);
  message.$unknown = entries.map((data): UnknownField => ({ no: fieldNo, wireType: WireType.LengthDelimited, data }));
  return message;
}
