// Structural sharing for whole-list answers: items equal to the previous
// poll's keep their old object, so memoised rows do not re-render, and an
// unchanged list keeps its old reference altogether.
import { equals, isMessage, type DescMessage, type MessageShape } from "@bufbuild/protobuf";

/** The previous items reused where equal (matched by `key`); `prev` itself when nothing changed. */
export function reuseEqualItems<Desc extends DescMessage>(
  schema: Desc,
  prev: readonly MessageShape<Desc>[],
  next: readonly MessageShape<Desc>[],
  key: (item: MessageShape<Desc>) => string,
): readonly MessageShape<Desc>[] {
  const byKey = new Map(prev.map((item) => [key(item), item]));
  let changed = prev.length !== next.length;
  const merged = next.map((item, i) => {
    const old = byKey.get(key(item));
    if (old !== undefined && equals(schema, old, item)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? merged : prev;
}

/** True when `v` is a message of `schema` (structural-sharing callbacks get `unknown`). */
export function isMessageOf<Desc extends DescMessage>(v: unknown, schema: Desc): v is MessageShape<Desc> {
  return isMessage(v, schema);
}
