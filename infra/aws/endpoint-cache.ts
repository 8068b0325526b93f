/**
 * Stands in for `@aws-sdk/endpoint-cache` in the Lambda bundles only (an esbuild alias in portal-function.ts).
 * The DynamoDB client always builds one for endpoint discovery, which is off unless a client asks for it (ours do
 * not); the original's LRU comes from mnemonist and obliterator, about 8 kB of every bundle. This one keeps the same
 * interface on a Map, dropping the oldest entry beyond its capacity, which is all an unused cache needs.
 */
interface Endpoint {
  Address: string;
  CachePeriodInMinutes: number;
}
interface EndpointWithExpiry {
  Address: string;
  Expires: number;
}

export class EndpointCache {
  private readonly cache = new Map<string, EndpointWithExpiry[]>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  getEndpoint(key: string): string | undefined {
    const endpoints = this.get(key);
    if (!endpoints || endpoints.length === 0) return undefined;
    return endpoints[Math.floor(Math.random() * endpoints.length)]?.Address;
  }

  get(key: string): EndpointWithExpiry[] | undefined {
    const now = Date.now();
    const live = this.cache.get(key)?.filter((endpoint) => now < endpoint.Expires);
    if (!live || live.length === 0) {
      this.cache.delete(key);
      return undefined;
    }
    return live;
  }

  set(key: string, endpoints: readonly Endpoint[]): void {
    const now = Date.now();
    this.cache.delete(key);
    this.cache.set(
      key,
      endpoints.map(({ Address, CachePeriodInMinutes }) => ({ Address, Expires: now + CachePeriodInMinutes * 60_000 })),
    );
    const oldest = this.cache.keys().next();
    if (this.cache.size > this.capacity && !oldest.done) this.cache.delete(oldest.value);
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  has(key: string): boolean {
    return (this.cache.get(key)?.length ?? 0) > 0;
  }

  clear(): void {
    this.cache.clear();
  }
}
