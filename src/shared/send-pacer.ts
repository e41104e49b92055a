// Keeps proactive sends under a rate: a token bucket refilled `perSecond` times a second. Teams
// allows 50 requests per second per app and tenant (and 7 per conversation); we stay below.
// The bucket holds one token: any one-second window then sees at most perSecond + 1 sends,
// where a fuller bucket would let a burst double the rate in the first second.

/** Waits before each send so that a whole run stays under a rate limit. */
export interface SendPacer {
  beforeSend(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export function tokenBucketPacer(options: {
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): SendPacer {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const capacity = 1;
  let tokens = capacity;
  let last = now();
  return {
    async beforeSend() {
      for (;;) {
        const current = now();
        tokens = Math.min(capacity, tokens + ((current - last) / 1000) * options.perSecond);
        last = current;
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - tokens) / options.perSecond) * 1000));
      }
    },
    sleep,
  };
}
