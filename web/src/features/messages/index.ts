// The public entry of the messages feature: the card of a request's messages, which the request page shows.
export { RequestMessages } from "./RequestMessages.js";
