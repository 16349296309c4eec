// What an applicant sees once the request is in: the reference and the access code, shown this once.
import { Button, CopyButton, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PublicLayout } from "./PublicLayout.js";

export function Submitted({ reference, accessCode }: { reference: string; accessCode: string }) {
  const { t } = useTranslation();
  const s = { reference, accessCode };
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
          <Group className="no-print">
            <CopyButton value={`${t("submitted.reference")}: ${s.reference}\n${t("submitted.code")}: ${s.accessCode}`}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} aria-live="polite">
                  {copied ? t("submitted.copied") : t("submitted.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={() => window.print()}>
              {t("submitted.print")}
            </Button>
            <Button component="a" href="/status">
              {t("submitted.status")}
            </Button>
          </Group>
          <style>{"@media print { .no-print { display: none !important; } }"}</style>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
