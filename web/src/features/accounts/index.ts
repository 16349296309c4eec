// The public entry of the accounts feature: the signed-in session.
export { useSession, useSignOut, useToday, type User } from "./session.js";
