/**
 * Results of pure work remembered by a text key, all forgotten at once past `limit` entries:
 * for work repeated on the same few inputs at every sale (parsing a stored rule or settings
 * text, writing out an instant), where a full cache policy would cost more than it saves.
 */
export function boundedMemo<V>(limit: number): (key: string, make: () => V) => V {
  const remembered = new Map<string, V>()
  return (key, make) => {
    let value = remembered.get(key)
    if (value === undefined) {
      if (remembered.size >= limit) remembered.clear()
      value = make()
      remembered.set(key, value)
    }
    return value
  }
}
