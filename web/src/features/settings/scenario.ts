// An unsaved what-if of the settings (weights, policy, rule set, note), kept in the browser per round
// (Dexie) through reloads until it is saved or discarded; it starts from the saved settings.
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { WeightsSchema, type Weights } from "../../../../scoring/domain/index.js";
import { PolicySchema, type Policy } from "../../../../scoring/policy/index.js";
import { clearDraft, loadDraft, saveDraft } from "../../drafts.js";

const ScenarioSchema = z.object({
  weights: WeightsSchema,
  policy: PolicySchema,
  rulesText: z.string(),
  note: z.string(),
  basedOn: z.number().int(),
});

export interface SavedSettings {
  version: number;
  weights: Weights;
  policy: Policy;
  rules: unknown;
}

const rulesTextOf = (saved: SavedSettings): string => (saved.rules ? JSON.stringify(saved.rules, null, 2) : "");

export function useScenario(roundId: string, saved: SavedSettings | undefined) {
  const key = `scenario:${roundId}`;
  const [weights, setWeights] = useState<Weights | null>(null);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [rulesText, setRulesText] = useState("");
  const [note, setNote] = useState("");
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  // The saved version the form was loaded from: a new version (after a save) loads the form again.
  const [loadedFor, setLoadedFor] = useState<number | null>(null);
  // The version being loaded (one load at a time).
  const loading = useRef<number | null>(null);
  // Loaded once per saved version: a draft based on it is restored, else the saved settings are shown.
  // The form counts as loaded for that version only together with its values (one render): were it marked
  // before, the values of the version before would count as a what-if of the new one, and be kept as its
  // draft until the load ended (a reload in between restored them).
  useEffect(() => {
    if (!saved || (weights && loadedFor === saved.version) || loading.current === saved.version) return;
    loading.current = saved.version;
    void loadDraft(key).then((d) => {
      loading.current = null;
      setLoadedFor(saved.version);
      // A draft kept by an older version of this page may not parse: it is then ignored.
      const parsed = d ? ScenarioSchema.safeParse(d.values) : null;
      const v = parsed?.success ? parsed.data : null;
      if (d && v && v.basedOn === saved.version) {
        setWeights(v.weights);
        setPolicy(v.policy);
        setRulesText(v.rulesText);
        setNote(v.note);
        setRestoredAt(d.updatedAt);
      } else {
        setWeights(saved.weights);
        setPolicy(saved.policy);
        setRulesText(rulesTextOf(saved));
      }
    });
  }, [saved, weights, key, loadedFor]);
  // Only a form loaded from the current saved version can be compared with it (not while a new version loads).
  const dirty =
    !!saved &&
    !!weights &&
    loadedFor === saved.version &&
    (JSON.stringify(weights) !== JSON.stringify(saved.weights) ||
      JSON.stringify(policy) !== JSON.stringify(saved.policy) ||
      rulesText !== rulesTextOf(saved));
  useEffect(() => {
    if (!saved || !weights || loadedFor !== saved.version) return;
    if (dirty) void saveDraft(key, { weights, policy, rulesText, note, basedOn: saved.version });
    else void clearDraft(key);
  }, [dirty, weights, policy, rulesText, note, saved, key, loadedFor]);
  /** Forgets the what-if: the saved settings are shown again (also after a save). */
  const reset = async (): Promise<void> => {
    await clearDraft(key);
    setRestoredAt(null);
    setWeights(null);
  };
  return { weights, setWeights, policy, setPolicy, rulesText, setRulesText, note, setNote, restoredAt, dirty, reset };
}
