// The donors: the rationale of a round's approved run, without any personal contact data
// (services/rationale.ts).
import { RATIONALE_READERS } from "../../scoring/domain/index.js";
import { errors, json, newApp, route, userOf, RoundId } from "../http/index.js";
import { rationale, type Rationale } from "../services/rationale.js";
import { engineOutput } from "../schemas/index.js";

// The routes: each a named definition (its guard, input and answers), its handler in the chain below.
const getRoundsRationale = route(
  RATIONALE_READERS,
  {
    method: "get",
    path: "/api/rounds/{roundId}/rationale",
    tags: ["donors"],
    summary:
      "The rationale of the round's approved run, without personal contact data: weights, rules, each funded delegate's State, region, status, gender, score breakdown and paying donor; the baselines; the money curve; the price of each rule; robustness",
    request: { params: RoundId },
    responses: {
      200: json(engineOutput<Rationale>("The rationale of the approved run, without personal contact data"), "The rationale"),
      ...errors(401, 403, 404, 409),
    },
  },
  { heavy: true },
);

export function donorRoutes() {
  return newApp().openapi(getRoundsRationale, async (c) =>
    c.json(await rationale(c.get("services"), c.req.valid("param").roundId, userOf(c)), 200),
  );
}
