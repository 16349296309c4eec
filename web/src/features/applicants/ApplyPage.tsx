// An applicant's request for an open round, in English, French or Spanish. The form is checked with the
// server's own schema (scoring/), saved as a draft on the device as the applicant types (Dexie), kept
// through a reload, a closed tab or a lost connection, and cleared once submitted; the reference and the
// access code are shown once.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ROLES, RequestAttributesSchema } from "../../../../scoring/criteria/index.js";
import { fieldProblems } from "../../../../scoring/domain/index.js";
import { api, ApiError, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { clearDraft, loadDraft, saveDraft } from "../../drafts.js";
import { initI18n } from "../../i18n.js";
import { PublicLayout } from "./PublicLayout.js";
import { keys } from "../../query-keys.js";

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

interface FormValues {
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

/** react-hook-form checks the values with the server's schema; each problem goes back to its field. */
const resolver: Resolver<FormValues> = async (values) => {
  const parsed = ApplicantSchema.safeParse(payloadOf(values));
  if (parsed.success) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const p of fieldProblems(parsed.error)) {
    const field = p.path.startsWith("travel.") ? p.path.slice(7) : p.path.split(/[.[]/)[0]!;
    errors[field] ??= { type: "validation", message: p.message };
  }
  return { values: {}, errors };
};

export function ApplyPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const key = `apply:${roundId}`;
  const round = useQuery({
    queryKey: keys.publicRound(roundId),
    queryFn: () => call(api.api.rounds[":roundId"].$get({ param: { roundId } })),
  });
  const states = useQuery({ queryKey: keys.publicStates(), queryFn: () => call(api.api.states.$get()), staleTime: Infinity });
  const form = useForm<FormValues>({ resolver, defaultValues: EMPTY, mode: "onTouched" });
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [backOnline, setBackOnline] = useState(false);
  const restored = useRef(false);

  // Restore the draft once (per form key), then save it as the applicant types.
  useEffect(() => {
    void loadDraft(key).then((d) => {
      if (d && !restored.current) {
        form.reset({ ...EMPTY, ...(d.values as Partial<FormValues>) });
        setDraftNote(t("draft.restored", { time: new Date(d.updatedAt).toLocaleTimeString() }));
      }
      restored.current = true;
    });
  }, [key]);
  useEffect(() => {
    const sub = form.watch((values) => {
      if (!restored.current) return;
      void saveDraft(key, values).then((d) => setDraftNote(t("draft.saved", { time: new Date(d.updatedAt).toLocaleTimeString() })));
    });
    return () => sub.unsubscribe();
  }, [form, key, t]);
  useEffect(() => {
    const up = () => (setOnline(true), setBackOnline(true));
    const down = () => (setOnline(false), setBackOnline(false));
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => (window.removeEventListener("online", up), window.removeEventListener("offline", down));
  }, []);

  const submit = useMutation({
    mutationFn: (v: FormValues) =>
      call(api.api.rounds[":roundId"].apply.$post({ param: { roundId }, json: ApplicantSchema.parse(payloadOf(v)) as never })),
    onSuccess: () => void clearDraft(key),
  });

  if (round.isPending) return <Loading />;
  if (round.isError)
    return (
      <PublicLayout title={t("title")}>
        <ErrorAlert error={round.error} />
      </PublicLayout>
    );
  const r = round.data;
  const today = new Date().toISOString().slice(0, 10);
  const open = r.status === "open" && today >= r.windowOpens && today <= r.windowCloses;

  if (submit.isSuccess) {
    const s = submit.data;
    return (
      <PublicLayout title={t("submitted.title")}>
        <Paper withBorder p="lg">
          <Stack>
            <Text fw={700}>{t("submitted.keep")}</Text>
            <Text size="lg">
              {t("submitted.reference")}: <strong data-testid="reference">{s.reference}</strong>
            </Text>
            <Text size="lg">
              {t("submitted.code")}: <strong data-testid="access-code">{s.accessCode}</strong>
            </Text>
            <Group>
              <Button component="a" href="/status">
                {t("submitted.status")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </PublicLayout>
    );
  }

  const e = form.formState.errors;
  const text = (name: keyof FormValues, opts: { required?: boolean; type?: string } = {}) => (
    <TextInput
      label={t(`field.${name}`)}
      type={opts.type ?? "text"}
      withAsterisk={opts.required}
      {...form.register(name)}
      error={e[name]?.message}
    />
  );
  const check = (name: "operationalExpertise" | "survivor" | "firstParticipation") => (
    <Checkbox label={t(`field.${name}`)} {...form.register(name)} />
  );
  return (
    <PublicLayout title={t("title")}>
      <Stack>
        <Text>{t("intro", { meeting: r.meeting, venue: r.venue, start: r.startDate, end: r.endDate })}</Text>
        {!open && (
          <Alert variant="filled" color="gray.7" role="status">
            {t("closed", { opens: r.windowOpens, closes: r.windowCloses })}
          </Alert>
        )}
        {open && <Text size="sm">{t("window", { opens: r.windowOpens, closes: r.windowCloses })}</Text>}
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
        <form onSubmit={form.handleSubmit((v) => submit.mutate(v))} noValidate aria-label={t("title")}>
          <Stack>
            <Title order={2} size="h4">
              {t("section.you")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                name="state"
                control={form.control}
                render={({ field }) => (
                  <NativeSelect
                    label={t("field.state")}
                    withAsterisk
                    data={[{ value: "", label: "—" }, ...(states.data ?? []).map((s) => ({ value: s.iso3, label: s.name }))]}
                    value={field.value}
                    onChange={(ev) => field.onChange(ev.currentTarget.value)}
                    onBlur={field.onBlur}
                    error={e.state?.message}
                  />
                )}
              />
              <Controller
                name="gender"
                control={form.control}
                render={({ field }) => (
                  <NativeSelect
                    label={t("field.gender")}
                    withAsterisk
                    data={[{ value: "", label: "—" }, ...(["F", "M", "X"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
                    value={field.value}
                    onChange={(ev) => field.onChange(ev.currentTarget.value)}
                    onBlur={field.onBlur}
                    error={e.gender?.message}
                  />
                )}
              />
              {text("name")}
              {text("email", { type: "email" })}
              {text("title")}
              {text("organisation")}
            </SimpleGrid>
            <Title order={2} size="h4">
              {t("section.role")}
            </Title>
            <Controller
              name="role"
              control={form.control}
              render={({ field }) => (
                <NativeSelect
                  label={t("field.role")}
                  data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  value={field.value}
                  onChange={(ev) => field.onChange(ev.currentTarget.value)}
                />
              )}
            />
            {text("expertise")}
            {check("operationalExpertise")}
            {check("survivor")}
            {check("firstParticipation")}
            <Textarea
              label={t("field.interestEvidence")}
              autosize
              minRows={2}
              {...form.register("interestEvidence")}
              error={e.interestEvidence?.message}
            />
            <Textarea
              label={t("field.justification")}
              autosize
              minRows={3}
              {...form.register("justification")}
              error={e.justification?.message}
            />
            <Title order={2} size="h4">
              {t("section.travel")}
            </Title>
            <Controller
              name="airTicket"
              control={form.control}
              render={({ field }) => (
                <NumberInput
                  label={t("field.airTicket")}
                  withAsterisk
                  min={0}
                  thousandSeparator="'"
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === "number" ? v : "")}
                  onBlur={field.onBlur}
                  error={e.airTicket?.message}
                />
              )}
            />
            <Controller
              name="acceptedLevels"
              control={form.control}
              render={({ field }) => (
                <Checkbox.Group
                  label={t("field.acceptedLevels")}
                  value={field.value}
                  onChange={field.onChange}
                  error={e.acceptedLevels?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {(["full", "ticket", "allowance"] as const).map((l) => (
                      <Checkbox key={l} value={l} label={t(`level.${l}`)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
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
      </Stack>
    </PublicLayout>
  );
}
