// Signs a demo user in through the provider's own pages, as a browser would
// (authorization code with PKCE, the login form posted, cookies kept), and
// trades the code for tokens. For tests that need a real provider's tokens.
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:https";

interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
  readonly setCookies: readonly string[];
}

function send(url: string, ca: string, options: { method?: string; cookies?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form === undefined ? undefined : new URLSearchParams(options.form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (body === undefined ? "GET" : "POST"),
        ca,
        headers: {
          ...(options.cookies === undefined || options.cookies === "" ? {} : { cookie: options.cookies }),
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text, setCookies: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export interface OidcTokens {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly expires_in: number;
}

export interface LoginInput {
  readonly issuer: string;
  readonly caPem: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly username: string;
  readonly password: string;
}

/** The whole authorization-code flow; throws with the provider's answer when a step goes wrong. */
export async function signInWithPassword(input: LoginInput): Promise<OidcTokens> {
  const jar = new Map<string, string>();
  const cookies = (): string => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (answer: Answer): Answer => {
    for (const line of answer.setCookies) {
      const [pair] = line.split(";");
      const eq = (pair ?? "").indexOf("=");
      if (eq > 0) jar.set((pair ?? "").slice(0, eq).trim(), (pair ?? "").slice(eq + 1).trim());
    }
    return answer;
  };
  const follow = async (location: string | undefined, form?: Record<string, string>): Promise<Answer> => {
    if (location === undefined) throw new Error("the provider did not redirect");
    return keep(await send(new URL(location, input.issuer).toString(), input.caPem, { cookies: cookies(), ...(form === undefined ? {} : { form }) }));
  };

  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const authorize = new URL(`${input.issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    response_type: "code",
    scope: "openid profile email offline_access",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: randomBytes(8).toString("hex"),
    prompt: "consent",
  }).toString();
  let answer = keep(await send(authorize.toString(), input.caPem));
  if (answer.location === undefined) throw new Error(`authorization refused: ${answer.status} ${answer.body.slice(0, 300)}`);
  const interaction = answer.location;
  answer = await follow(interaction, { username: input.username, password: input.password });
  for (let hops = 0; hops < 5 && answer.location !== undefined && !answer.location.startsWith(input.redirectUri); hops += 1) answer = await follow(answer.location);
  const back = answer.location;
  if (back === undefined || !back.startsWith(input.redirectUri)) throw new Error(`sign-in did not come back: ${answer.status} ${answer.body.slice(0, 300)}`);
  const code = new URL(back).searchParams.get("code");
  if (code === null) throw new Error(`no code in ${back}`);
  const token = await send(`${input.issuer}/token`, input.caPem, {
    form: { grant_type: "authorization_code", code, redirect_uri: input.redirectUri, client_id: input.clientId, code_verifier: verifier },
  });
  if (token.status !== 200) throw new Error(`token exchange refused: ${token.status} ${token.body}`);
  return JSON.parse(token.body) as OidcTokens;
}

/** Trades a refresh token for new tokens. */
export async function refresh(input: Pick<LoginInput, "issuer" | "caPem" | "clientId">, refreshToken: string): Promise<OidcTokens> {
  const token = await send(`${input.issuer}/token`, input.caPem, { form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: input.clientId } });
  if (token.status !== 200) throw new Error(`refresh refused: ${token.status} ${token.body}`);
  return JSON.parse(token.body) as OidcTokens;
}
