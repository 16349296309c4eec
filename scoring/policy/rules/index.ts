// The policy rules, in the order the model writes them and the checker, the diagnosis and the
// sensitivity analysis report them. A new rule is one module beside these and one line here.
import { maxDelegates } from "./max-delegates.js";
import { maxPerState } from "./max-per-state.js";
import { maxRegionShare } from "./max-region-share.js";
import { minOutreach } from "./min-outreach.js";
import { minWomenShare } from "./min-women-share.js";
import { regionBonus } from "./region-bonus.js";
import { regionMax } from "./region-max.js";
import { regionMin } from "./region-min.js";
import { stateBonus } from "./state-bonus.js";
import { statusMax } from "./status-max.js";
import { statusMin } from "./status-min.js";

export const RULES = {
  maxDelegates,
  maxPerState,
  minWomenShare,
  regionMin,
  regionMax,
  maxRegionShare,
  minOutreach,
  statusMin,
  statusMax,
  stateBonus,
  regionBonus,
};
