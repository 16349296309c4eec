// An applicant's status page: reference and access code; the status, since when, and a short reason
// about this request only (nothing about anyone else).
import { Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, call } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { initI18n } from "../../i18n.js";
import { PublicLayout } from "./PublicLayout.js";
import { OfferAnswer, type StatusView } from "./OfferAnswer.js";
import { day } from "../../format.js";

initI18n();

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [reference, setReference] = useState("");
  const [code, setCode] = useState("");
  const check = useMutation({
    mutationFn: () => call(api.api.applicant.status.$post({ json: { reference: reference.trim(), code: code.trim() } })),
    onSuccess: (v) => (setAnswered(false), setView(v)),
  });
  // The view shown: as checked, or as the answer to the offer left it.
  const [view, setView] = useState<StatusView | null>(null);
  const [answered, setAnswered] = useState(false);
  const s = view;
  const since = s?.history
    .filter((h) => h.status === s.status)
    .at(-1)
    ?.at.slice(0, 10);
  const lang = i18n.language === "fr" || i18n.language === "es" ? i18n.language : "en";
  return (
    <PublicLayout title={t("status.title")}>
      <Stack>
        <Text>{t("status.intro")}</Text>
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(e: React.FormEvent) => (e.preventDefault(), check.mutate())}
          aria-label={t("status.title")}
        >
          <Stack>
            <TextInput
              label={t("status.reference")}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              required
              autoComplete="off"
            />
            <TextInput label={t("status.code")} value={code} onChange={(e) => setCode(e.currentTarget.value)} required autoComplete="off" />
            <Button type="submit" loading={check.isPending}>
              {t("status.check")}
            </Button>
          </Stack>
        </Paper>
        {check.isError && (
          <ErrorAlert
            title=""
            error={
              new Error(
                check.error instanceof ApiError && check.error.status === 404
                  ? t("status.notFound")
                  : t(
                      `errors.${check.error instanceof ApiError && ["network", "rate-limited"].includes(check.error.code) ? check.error.code : "other"}`,
                    ),
              )
            }
          />
        )}
        {s && (
          <Paper withBorder p="md" role="status" data-testid="status-result">
            <Text fw={700}>
              {t("status.current")}: {t(`status.value.${s.status}`)} {since && `(${t("status.since", { date: day(since, lang) })})`}
            </Text>
            <Text>
              {t(`status.reason.${s.status}`, {
                level: s.decision?.level ? t(`level.${s.decision.level}`) : "",
                deadline: s.decision?.offerDeadline ? day(s.decision.offerDeadline, lang) : "",
              })}
            </Text>
            {answered && <Text fw={700}>{t("status.answer.done")}</Text>}
            <OfferAnswer view={s} reference={reference.trim()} code={code.trim()} onAnswered={(v) => (setAnswered(true), setView(v))} />
          </Paper>
        )}
      </Stack>
    </PublicLayout>
  );
}
