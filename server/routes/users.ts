// Accounts: the admin creates staff and donor accounts and resets passwords; everyone changes their own.
import { z } from "zod";
import { hashSecret, verifySecret } from "../auth/passwords.js";
import { createUser } from "../auth/sessions.js";
import { audit } from "../audit.js";
import { body, errors, json, newApp, route, userOf } from "../http.js";
import { DomainError } from "../errors.js";

const Password = z.string().min(12, "at least 12 characters").max(200);
const UserOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(["admin", "reviewer", "donor"]),
  donorId: z.string().nullable(),
  locked: z.boolean(),
});

interface Row {
  id: number;
  username: string;
  display_name: string;
  role: "admin" | "reviewer" | "donor";
  donor_id: string | null;
  locked_until: string | null;
}
const out = (r: Row) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  donorId: r.donor_id,
  locked: !!r.locked_until && r.locked_until > new Date().toISOString(),
});

export function userRoutes() {
  return newApp()
    .openapi(
      route(["admin"], {
        method: "get",
        path: "/api/users",
        tags: ["users"],
        summary: "Every account",
        responses: { 200: json(z.array(UserOut), "Accounts"), ...errors(401, 403) },
      }),
      (c) => c.json((c.get("services").db.prepare("SELECT * FROM users ORDER BY username").all() as Row[]).map(out), 200),
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/users",
        tags: ["users"],
        summary: "Create a staff account (admin, reviewer) or a donor account bound to one donor",
        request: body(
          z
            .strictObject({
              username: z.string().regex(/^[a-z0-9._-]{3,50}$/, "3–50 lower-case letters, digits, dots, dashes"),
              displayName: z.string().min(1).max(200),
              role: z.enum(["admin", "reviewer", "donor"]),
              donorId: z.string().min(1).max(64).optional(),
              password: Password,
            })
            .refine((u) => (u.role === "donor") === (u.donorId !== undefined), {
              message: "a donor account names its donor (donorId); a staff account does not",
              path: ["donorId"],
            }),
        ),
        responses: { 201: json(UserOut, "Created"), ...errors(401, 403, 409, 422) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const input = c.req.valid("json");
        if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(input.username))
          throw new DomainError("conflict", "exists", `the user name "${input.username}" is taken`);
        const id = await createUser(db, input);
        audit(db, {
          actor: userOf(c).username,
          action: "create",
          entity: "user",
          entityId: input.username,
          data: { role: input.role, donorId: input.donorId ?? null },
        });
        return c.json(out(db.prepare("SELECT * FROM users WHERE id = ?").get(id) as Row), 201);
      },
    )
    .openapi(
      route(["admin"], {
        method: "post",
        path: "/api/users/{username}/password",
        tags: ["users"],
        summary: "Set another account's password (and unlock it); its sessions end",
        request: { params: z.object({ username: z.string().min(1).max(50) }), ...body(z.strictObject({ password: Password })) },
        responses: { 204: { description: "Set" }, ...errors(401, 403, 404, 422) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const { username } = c.req.valid("param");
        const row = db.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number } | undefined;
        if (!row) throw new DomainError("not-found", "not-found", `user "${username}" not found`);
        const hash = await hashSecret(c.req.valid("json").password);
        db.transaction(() => {
          db.prepare("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?").run(
            hash,
            row.id,
          );
          db.prepare("DELETE FROM sessions WHERE user_id = ?").run(row.id);
          audit(db, { actor: userOf(c).username, action: "password", entity: "user", entityId: username });
        })();
        return c.body(null, 204);
      },
    )
    .openapi(
      route(["admin", "reviewer", "donor"], {
        method: "post",
        path: "/api/auth/password",
        tags: ["auth"],
        summary: "Change your own password (with the current one); your other sessions end",
        request: body(z.strictObject({ current: z.string().min(1).max(200), password: Password })),
        responses: { 204: { description: "Changed" }, ...errors(401, 403, 422) },
      }),
      async (c) => {
        const { db } = c.get("services");
        const user = userOf(c);
        const { current, password } = c.req.valid("json");
        const stored = db.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(user.id) as string;
        if (!(await verifySecret(current, stored)))
          throw new DomainError("invalid", "validation", "the input is not valid", {
            problems: [{ path: "current", message: "is not your current password" }],
          });
        const hash = await hashSecret(password);
        db.transaction(() => {
          db.prepare("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?").run(hash, user.id);
          db.prepare("DELETE FROM sessions WHERE user_id = ? AND csrf_token <> ?").run(user.id, user.csrfToken);
          audit(db, { actor: user.username, action: "password", entity: "user", entityId: user.username });
        })();
        return c.body(null, 204);
      },
    );
}
