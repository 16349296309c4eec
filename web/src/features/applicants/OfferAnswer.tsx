// An applicant answers their offer on the status page: accept or decline, each confirmed first (the answer
// is final); after the deadline the page says the offer lapsed.
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, call, type Answer } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";
import { day } from "../../format.js";

export type StatusView = Answer<typeof api.api.applicant.status.$post>;

export function OfferAnswer({
  view,
  reference,
  code,
  onAnswered,
}: {
  view: StatusView;
  reference: string;
  code: string;
  onAnswered: (view: StatusView) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "fr" || i18n.language === "es" ? i18n.language : "en";
  const [asked, setAsked] = useState<"accepted" | "declined" | null>(null);
  const answer = useMutation({
    mutationFn: (a: "accepted" | "declined") => call(api.api.applicant.offer.$post({ json: { reference, code, answer: a } })),
    onSuccess: (v) => (setAsked(null), onAnswered(v)),
  });
  const d = view.decision;
  if (view.status !== "funded" || !d || d.offerStatus !== "pending" || !d.offerDeadline) return null;
  // The server's calendar decides (the device's clock may be wrong).
  if (!d.answerable) return <Text role="status">{t("status.answer.lapsed", { deadline: day(d.offerDeadline, lang) })}</Text>;
  if (asked)
    return (
      <Paper withBorder p="md" role="alertdialog" aria-label={t(asked === "accepted" ? "status.answer.accept" : "status.answer.decline")}>
        <Stack>
          <Text>{t(asked === "accepted" ? "status.answer.confirmAccept" : "status.answer.confirmDecline")}</Text>
          <Group>
            <Button onClick={() => answer.mutate(asked)} loading={answer.isPending}>
              {t("status.answer.yes")}
            </Button>
            <Button variant="default" onClick={() => setAsked(null)}>
              {t("status.answer.no")}
            </Button>
          </Group>
          {answer.isError && <ErrorAlert title="" error={answer.error} />}
        </Stack>
      </Paper>
    );
  return (
    <Group>
      <Button onClick={() => setAsked("accepted")}>{t("status.answer.accept")}</Button>
      <Button variant="default" onClick={() => setAsked("declined")}>
        {t("status.answer.decline")}
      </Button>
    </Group>
  );
}
