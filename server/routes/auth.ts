// Sign-in, sign-out and the current session.
import { ACCOUNT_ROLE } from "../../scoring/domain/index.js";
import { getConnInfo } from "@hono/node-server/conninfo";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { login, logout, SESSION_COOKIE } from "../auth/sessions.js";
import { today } from "../services/queries.js";
import { body, type Ctx, errors, json, newApp, route, userOf, SIGNED_IN } from "../http/index.js";

const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ACCOUNT_ROLE.codes),
  donorId: z.string().nullable(),
  csrfToken: z.string().describe("Send it in X-CSRF-Token with every state-changing request"),
  today: z.iso.date().describe("The server's today: every screen reads past, late and lapsed against it, never the browser's clock"),
});

const LoginSchema = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

/** The client's address for rate limiting (unknown in in-process tests). */
/**
 * The client's address: the socket's; or, when the socket's is a proxy named in TRUST_PROXY, the
 * right-most address of X-Forwarded-For that is not a trusted proxy (hops further left are the client's
 * own word, and could be forged).
 */
export function client(c: Ctx): string {
  let remote = "unknown";
  try {
    remote = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // no socket (a test's in-process request without one)
  }
  const trusted = c.get("services").config.TRUST_PROXY;
  if (!trusted.includes(remote)) return remote;
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.includes(hops[i]!)) return hops[i]!;
  return remote;
}

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const postAuthLogin = route("public", {
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "Sign in (staff and donors)",
  request: body(LoginSchema),
  responses: { 200: json(UserSchema, "Signed in; the session cookie is set"), ...errors(401, 422, 429) },
});

const postAuthLogout = route(SIGNED_IN, {
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "Sign out",
  responses: { 204: { description: "Signed out" }, ...errors(401, 403) },
});

const getAuthSession = route(SIGNED_IN, {
  method: "get",
  path: "/api/auth/session",
  tags: ["auth"],
  summary: "The signed-in user and the session's CSRF token",
  responses: { 200: json(UserSchema, "The session"), ...errors(401) },
});

/** The session as answered: the user, the CSRF token and the server's today. */
const sessionAnswer = <U extends object>(user: U) => ({ ...user, today: today() });

export function authRoutes() {
  return newApp()
    .openapi(postAuthLogin, async (c) => {
      const { db, config } = c.get("services");
      const { username, password } = c.req.valid("json");
      const { token, user } = await login(db, config, client(c), username, password);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        secure: config.COOKIE_SECURE,
        path: "/",
        maxAge: config.SESSION_HOURS * 3600,
      });
      return c.json(sessionAnswer(user), 200);
    })
    .openapi(postAuthLogout, (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) logout(c.get("services").db, token);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    })
    .openapi(getAuthSession, (c) => c.json(sessionAnswer(userOf(c)), 200));
}
