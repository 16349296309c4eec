// The public entry of the accounts feature: the signed-in session.
export { useSession, useSignOut, type User } from "./session.js";
