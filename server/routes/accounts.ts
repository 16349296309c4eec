// Accounts: the admin creates staff and donor accounts and resets passwords; everyone changes their own.
import { ACCOUNT_ROLE } from "../../scoring/domain/index.js";
import { z } from "zod";
import { body, errors, json, newApp, route, userOf, SIGNED_IN } from "../http/index.js";
import { changeOwnPassword, createAccount, listAccounts, resetPassword } from "../services/accounts.js";
import { client } from "./auth.js";

const Password = z.string().min(12, "at least 12 characters").max(200);
const UserOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ACCOUNT_ROLE.codes),
  donorId: z.string().nullable(),
});

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getUsers = route(["admin"], {
  method: "get",
  path: "/api/users",
  tags: ["users"],
  summary: "Every account",
  responses: { 200: json(z.array(UserOut), "Accounts"), ...errors(401, 403) },
});

const postUsers = route(["admin"], {
  method: "post",
  path: "/api/users",
  tags: ["users"],
  summary: "Create a staff account (admin, reviewer) or a donor account bound to one donor",
  request: body(
    z
      .strictObject({
        username: z.string().regex(/^[a-z0-9._-]{3,50}$/, "3–50 lower-case letters, digits, dots, dashes"),
        displayName: z.string().min(1).max(200),
        role: z.enum(ACCOUNT_ROLE.codes),
        donorId: z.string().min(1).max(64).optional(),
        password: Password,
      })
      .refine((u) => (u.role === "donor") === (u.donorId !== undefined), {
        message: "a donor account names its donor (donorId); a staff account does not",
        path: ["donorId"],
      }),
  ),
  responses: { 201: json(UserOut, "Created"), ...errors(401, 403, 409, 422) },
});

const postUsersPassword = route(["admin"], {
  method: "post",
  path: "/api/users/{username}/password",
  tags: ["users"],
  summary: "Set another account's password (and unlock it); its sessions end",
  request: { params: z.object({ username: z.string().min(1).max(50) }), ...body(z.strictObject({ password: Password })) },
  responses: { 204: { description: "Set" }, ...errors(401, 403, 404, 422) },
});

const postAuthPassword = route(SIGNED_IN, {
  method: "post",
  path: "/api/auth/password",
  tags: ["auth"],
  summary: "Change your own password (with the current one); your other sessions end",
  request: body(z.strictObject({ current: z.string().min(1).max(200), password: Password })),
  responses: { 204: { description: "Changed" }, ...errors(401, 403, 422, 429) },
});

export function accountRoutes() {
  return newApp()
    .openapi(getUsers, (c) => c.json(listAccounts(c.get("services").db), 200))
    .openapi(postUsers, async (c) => c.json(await createAccount(c.get("services").db, c.req.valid("json"), userOf(c).username), 201))
    .openapi(postUsersPassword, async (c) => {
      await resetPassword(c.get("services").db, c.req.valid("param").username, c.req.valid("json").password, userOf(c).username);
      return c.body(null, 204);
    })
    .openapi(postAuthPassword, async (c) => {
      await changeOwnPassword(c.get("services"), client(c), userOf(c), c.req.valid("json"));
      return c.body(null, 204);
    });
}
