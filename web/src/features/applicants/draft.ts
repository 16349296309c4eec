// The request form kept on the device (IndexedDB, through Dexie) as the applicant types: restored once
// per form, saved at each change, through a reload, a closed tab or a lost connection; and whether the
// device is online.
import { useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { loadDraft, saveDraft } from "../../drafts.js";

export function useKeptDraft<V extends FieldValues>(key: string, form: UseFormReturn<V>, empty: V) {
  const { t } = useTranslation();
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const restored = useRef(false);
  // Restore the draft once (per form key), then save it as the applicant types.
  useEffect(() => {
    void loadDraft(key).then((d) => {
      if (d && !restored.current) {
        form.reset({ ...empty, ...(d.values as Partial<V>) });
        setDraftNote(t("draft.restored", { time: new Date(d.updatedAt).toLocaleTimeString() }));
      }
      restored.current = true;
    });
    // Once per form key: the form and its empty values do not change while it is shown.
  }, [key]);
  useEffect(() => {
    const sub = form.watch((values) => {
      if (!restored.current) return;
      void saveDraft(key, values).then((d) => setDraftNote(t("draft.saved", { time: new Date(d.updatedAt).toLocaleTimeString() })));
    });
    return () => sub.unsubscribe();
  }, [form, key, t]);
  return { draftNote, setDraftNote };
}

/** Whether the device is online, and whether it came back online while the form was shown. */
export function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  const [backOnline, setBackOnline] = useState(false);
  useEffect(() => {
    const up = () => (setOnline(true), setBackOnline(true));
    const down = () => (setOnline(false), setBackOnline(false));
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => (window.removeEventListener("online", up), window.removeEventListener("offline", down));
  }, []);
  return { online, backOnline };
}
