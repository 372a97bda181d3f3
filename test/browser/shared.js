// What the page and the Node side of the browser test share: the solve's budget and the hash.
export const OPTIONS = { seed: 7, maxIterations: 2000, timeLimitMs: 60_000 };

/** SHA-256 (hex) of the schedule's JSON: the same in a browser and in Node (Web Crypto in both). */
export async function scheduleHash(schedule) {
  const bytes = new TextEncoder().encode(JSON.stringify(schedule));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
