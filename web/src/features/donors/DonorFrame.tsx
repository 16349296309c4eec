// The donors' frame: the title, the language switch (English, French, Spanish) and the user; the pages
// inside it speak the chosen language (lang.tsx).
import { AppShell, Group, NativeSelect, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { LANGS, LangProvider, useChosenLang } from "../../lang.js";
import { WORKSPACE_WORDS } from "../../workspace-words/index.js";

export function DonorFrame({ children, userMenu }: { children: ReactNode; userMenu: (signOutLabel: string) => ReactNode }) {
  const [lang, setLang] = useChosenLang();
  const words = WORKSPACE_WORDS[lang];
  return (
    <LangProvider lang={lang}>
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Title order={1} size="h4">
              <Link to="/donor" style={{ color: "inherit", textDecoration: "none" }}>
                {words.header}
              </Link>
            </Title>
            <Group wrap="nowrap">
              <NativeSelect
                aria-label={words.language}
                size="xs"
                value={lang}
                data={Object.entries(LANGS).map(([value, label]) => ({ value, label }))}
                onChange={(e) => setLang(e.currentTarget.value)}
              />
              {userMenu(words.signOut)}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>{children}</AppShell.Main>
      </AppShell>
    </LangProvider>
  );
}
