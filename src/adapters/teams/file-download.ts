// Downloads the one file a Teams file attachment points to. The URL comes from the activity, so it
// is treated as untrusted input: HTTPS only (plain http only to loopback, and only when a test or
// development flag allows it), no redirect to another origin, a time limit for the whole download
// and a size cap counted while the bytes arrive, so a lying Content-Length cannot fill the memory.
import http from "node:http";
import https from "node:https";
import { isLoopbackHost } from "../../config/config.ts";

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Allow http://127.0.0.1… (tests and local development only). */
  allowLoopbackHttp: boolean;
  /** Same-origin redirects followed at most. */
  maxRedirects?: number;
}

export type DownloadFailure = "refused" | "too_large" | "timeout" | "failed";

export class DownloadError extends Error {
  constructor(
    readonly reason: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = "DownloadError";
  }
}

/** Why this URL may not be fetched, or null when it may. */
export function refusedUrl(url: URL, options: Pick<DownloadOptions, "allowLoopbackHttp">): string | null {
  if (url.username || url.password) return "credentials in the URL";
  if (url.protocol === "https:") return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol === "http:" && options.allowLoopbackHttp && isLoopbackHost(host)) return null;
  return `${url.protocol}//${url.host} is not an https address`;
}

export async function downloadFile(address: string, options: DownloadOptions): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new DownloadError("refused", "the download URL is not a URL");
  }
  const refusal = refusedUrl(url, options);
  if (refusal) throw new DownloadError("refused", refusal);
  const origin = url.origin;
  const deadline = Date.now() + options.timeoutMs;
  for (let redirects = 0; ; redirects++) {
    const result = await fetchOnce(url, options, deadline);
    if ("bytes" in result) return result.bytes;
    if (redirects >= (options.maxRedirects ?? 3)) throw new DownloadError("failed", "too many redirects");
    const next = new URL(result.location, url);
    // A redirect may only stay where the attachment pointed: anything else is not "that file".
    if (next.origin !== origin) throw new DownloadError("refused", `redirect to another host (${next.host})`);
    url = next;
  }
}

function fetchOnce(
  url: URL,
  options: DownloadOptions,
  deadline: number,
): Promise<{ bytes: Buffer } | { location: string }> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: DownloadError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const remaining = deadline - Date.now();
    const timer = setTimeout(
      () => fail(new DownloadError("timeout", `no complete answer within ${options.timeoutMs} ms`)),
      Math.max(0, remaining),
    );
    // A connection of its own (no keep-alive pool): downloads are minutes apart, and a pooled socket the
    // server has meanwhile closed fails the next download with "socket hang up".
    const request = client.get(url, { headers: { accept: "*/*" }, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        settled = true;
        clearTimeout(timer);
        return resolve({ location: response.headers.location });
      }
      if (status !== 200) {
        response.resume();
        return fail(new DownloadError("failed", `the file server answered ${status}`));
      }
      const declared = Number(response.headers["content-length"] ?? NaN);
      if (Number.isFinite(declared) && declared > options.maxBytes)
        return fail(new DownloadError("too_large", `the file is ${declared} bytes`));
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes)
          return fail(new DownloadError("too_large", `the file is more than ${options.maxBytes} bytes`));
        chunks.push(chunk);
      });
      response.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ bytes: Buffer.concat(chunks) });
      });
      response.on("error", () => fail(new DownloadError("failed", "the download was cut off")));
    });
    request.on("error", (error) => fail(new DownloadError("failed", error.message)));
  });
}
