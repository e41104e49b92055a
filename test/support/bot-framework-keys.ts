// Stand-ins for the Bot Framework's signing side on loopback: RSA key pairs, signed tokens, and an
// OpenID endpoint (ToBotFromChannelOpenIdMetadataUrl) that serves the trusted key, or hangs, or is gone.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";

export const APP_ID = "11111111-2222-3333-4444-555555555555";
export const ISSUER = "https://api.botframework.com";

export interface KeyPair {
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey: createPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" })),
    jwk: publicKey.export({ format: "jwk" }) as Record<string, unknown>,
  };
}

export function token(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${encode({ alg: "RS256", typ: "JWT", kid })}.${encode(claims)}`;
  return `${body}.${sign("RSA-SHA256", Buffer.from(body), privateKey).toString("base64url")}`;
}

/** Claims of a channel token for the test app, valid for ten minutes. */
export function channelClaims(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600, ...overrides };
}

export interface KeyServer {
  metadataUrl: string;
  /** Requests it has received. */
  requests: number;
  close(): Promise<void>;
}

/** An OpenID endpoint serving `trusted` as the signing key; with `hang`, it accepts requests and never answers. */
export async function startKeyServer(trusted: KeyPair, options: { hang?: boolean } = {}): Promise<KeyServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (options.hang) return;
    const host = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/openid")
      res.end(
        JSON.stringify({ issuer: ISSUER, jwks_uri: `${host}/keys`, id_token_signing_alg_values_supported: ["RS256"] }),
      );
    else res.end(JSON.stringify({ keys: [{ ...trusted.jwk, kid: "trusted", use: "sig", endorsements: ["msteams"] }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    metadataUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/openid`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
