/**
 * Sets an own, enumerable property whatever the key: `target[key] = value` with the key `__proto__`
 * would replace the object's prototype instead, and the member would vanish from what is checked.
 * Readers build objects from keys that files choose; they set them with this.
 */
export function setOwn<T>(target: Record<PropertyKey, T>, key: PropertyKey, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
