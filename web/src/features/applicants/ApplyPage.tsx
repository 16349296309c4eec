// An applicant's request for an open round, in English, French or Spanish. The form is checked with the
// server's own schema (scoring/), saved as a draft on the device as the applicant types (Dexie), kept
// through a reload, a closed tab or a lost connection, and cleared once submitted; the reference and the
// access code are shown once.
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { RequestAttributesSchema } from "../../../../scoring/criteria/index.js";
import { fieldProblems } from "../../../../scoring/domain/index.js";
import { api, ApiError, call } from "../../api.js";
import { ErrorAlert, Loading, problemsByPath } from "../../components/status.js";
import { ErrorSummary } from "./ErrorSummary.js";
import { clearDraft } from "../../drafts.js";
import { initI18n } from "../../i18n.js";
import { PublicLayout } from "./PublicLayout.js";
import { useKeptDraft, useOnline } from "./draft.js";
import { Submitted } from "./Submitted.js";
import { ApplyFields } from "./ApplyFields.js";
import { keys } from "../../query-keys.js";
import { day, today } from "../../format.js";

initI18n();

/** The applicant's part of a request: the server's schema without what the ISU sets. */
const ApplicantSchema = RequestAttributesSchema.omit({
  id: true,
  submittedAt: true,
  lock: true,
  technicalRating: true,
  previousSponsorships: true,
  delegateId: true,
});

export interface FormValues {
  state: string;
  gender: string;
  name: string;
  title: string;
  organisation: string;
  email: string;
  role: string;
  expertise: string;
  operationalExpertise: boolean;
  survivor: boolean;
  firstParticipation: boolean;
  interestEvidence: string;
  justification: string;
  airTicket: number | "";
  acceptedLevels: string[];
}

const EMPTY: FormValues = {
  state: "",
  gender: "",
  name: "",
  title: "",
  organisation: "",
  email: "",
  role: "none",
  expertise: "",
  operationalExpertise: false,
  survivor: false,
  firstParticipation: false,
  interestEvidence: "",
  justification: "",
  airTicket: "",
  acceptedLevels: ["full"],
};

function payloadOf(v: FormValues) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    state: v.state,
    gender: v.gender,
    name: opt(v.name),
    title: opt(v.title),
    organisation: opt(v.organisation),
    email: opt(v.email),
    role: v.role,
    expertise: v.expertise
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
    operationalExpertise: v.operationalExpertise,
    survivor: v.survivor,
    firstParticipation: v.firstParticipation,
    interestEvidence: v.interestEvidence,
    justification: v.justification,
    travel: { airTicket: v.airTicket === "" ? undefined : v.airTicket },
    acceptedLevels: v.acceptedLevels,
  };
}

const isField = (f: string): f is keyof FormValues => f in EMPTY;

/** The form's field a schema path belongs to ("travel.airTicket" → "airTicket", "expertise[2]" → "expertise"). */
const fieldOf = (path: string): string => (path.startsWith("travel.") ? path.slice(7) : path.split(/[.[]/)[0]!);

/**
 * react-hook-form checks the values with the server's schema; each problem goes back to its field as a
 * sentence in the page's language that says what to do (never zod's own message).
 */
const resolverFor =
  (sentence: (field: string) => string): Resolver<FormValues> =>
  async (values) => {
    const parsed = ApplicantSchema.safeParse(payloadOf(values));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const p of fieldProblems(parsed.error)) errors[fieldOf(p.path)] ??= { type: "validation", message: sentence(fieldOf(p.path)) };
    return { values: {}, errors };
  };

export function ApplyPage({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "fr" || i18n.language === "es" ? i18n.language : "en";
  const key = `apply:${roundId}`;
  const round = useQuery({
    queryKey: keys.publicRound(roundId),
    queryFn: () => call(api.api.public.rounds[":roundId"].$get({ param: { roundId } })),
  });
  const states = useQuery({ queryKey: keys.publicStates(), queryFn: () => call(api.api.states.$get()), staleTime: Infinity });
  const sentence = (field: string): string => t(`invalid.${field}`, { defaultValue: t("invalid.other") });
  const form = useForm<FormValues>({ resolver: resolverFor(sentence), defaultValues: EMPTY, mode: "onTouched" });
  // After a refused submit, the problems are listed at the top and the focus moves there (GOV.UK's error summary).
  const [summaryShown, setSummaryShown] = useState(0);
  const { draftNote, setDraftNote } = useKeptDraft(key, form, EMPTY);
  const { online, backOnline } = useOnline();

  const submit = useMutation({
    mutationFn: (v: FormValues) =>
      call(api.api.rounds[":roundId"].apply.$post({ param: { roundId }, json: ApplicantSchema.parse(payloadOf(v)) as never })),
    onSuccess: () => void clearDraft(key),
    // The server's own refusal goes back to the fields too.
    onError: (e) => {
      const fields = [...problemsByPath(e).keys()].map((p) => fieldOf(p.replace(/^attributes\./, "")));
      for (const f of fields) if (isField(f)) form.setError(f, { type: "server", message: sentence(f) });
      if (fields.length) setSummaryShown((n) => n + 1);
    },
  });

  if (round.isPending) return <Loading />;
  if (round.isError)
    return (
      <PublicLayout title={t("title")}>
        <ErrorAlert error={round.error} />
      </PublicLayout>
    );
  const r = round.data;
  // The server's calendar decides whether the round takes requests (the device's clock may be wrong).
  const open = r.acceptingRequests;
  // Not open: a draft round, or a window not yet begun, says "not yet"; a window past or a round moved on, "no longer".
  const notYet = r.status === "draft" || (r.status === "open" && today() < r.windowOpens);
  const dates = { opens: day(r.windowOpens, lang), closes: day(r.windowCloses, lang) };

  if (submit.isSuccess) return <Submitted reference={submit.data.reference} accessCode={submit.data.accessCode} />;

  return (
    <PublicLayout title={t("title")}>
      <Stack>
        <Text>{t("intro", { meeting: r.meeting, venue: r.venue, start: day(r.startDate, lang), end: day(r.endDate, lang) })}</Text>
        {!open && (
          <Alert variant="filled" color="gray.7" role="status">
            {t(notYet ? "notYet" : "closed", dates)}
          </Alert>
        )}
        {open && <Text size="sm">{t("window", dates)}</Text>}
        {!online && (
          <Alert variant="filled" color="gray.7" role="status">
            {t("draft.offline")}
          </Alert>
        )}
        {online && backOnline && (
          <Alert variant="filled" color="blue.8" role="status">
            {t("draft.online")}
          </Alert>
        )}
        {open && (
          <form
            onSubmit={form.handleSubmit(
              (v) => submit.mutate(v),
              () => setSummaryShown((n) => n + 1),
            )}
            noValidate
            aria-label={t("title")}
          >
            <Stack>
              {summaryShown > 0 && <ErrorSummary errors={form.formState.errors} focusKey={summaryShown} />}
              <ApplyFields form={form} states={states.data ?? []} />
              {submit.isError && (
                <ErrorAlert
                  title=""
                  error={
                    new Error(
                      t(
                        `errors.${submit.error instanceof ApiError && ["network", "rate-limited", "round-closed", "validation"].includes(submit.error.code) ? submit.error.code : "other"}`,
                      ),
                    )
                  }
                />
              )}
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {draftNote}
                </Text>
                <Group>
                  <Button variant="default" onClick={() => void clearDraft(key).then(() => (form.reset(EMPTY), setDraftNote(null)))}>
                    {t("draft.discard")}
                  </Button>
                  <Button type="submit" disabled={!open || !online} loading={submit.isPending}>
                    {t("submit")}
                  </Button>
                </Group>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
