// The public pages' frame: the title, the language switch (English, French, Spanish), the content.
import { Container, Group, NativeSelect, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../../i18n.js";

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Container size="sm" py="md">
      <header>
        <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
          <Title order={1} size="h3">
            {title}
          </Title>
          <NativeSelect
            label={t("language")}
            data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
            value={i18n.resolvedLanguage ?? "en"}
            onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
            w={150}
          />
        </Group>
      </header>
      <main>{children}</main>
    </Container>
  );
}
