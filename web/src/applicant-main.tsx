// The applicants' pages, an entry of their own: no ISU workspace, no router library (two pages), so
// that a request form on a slow connection loads as little as it can.
import "@mantine/core/styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { cssVariablesResolver, theme } from "./theme.js";
import { ApplyPage } from "./features/applicants/ApplyPage.js";
import { StatusPage } from "./features/applicants/StatusPage.js";

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const apply = /^\/apply\/([^/]+)\/?$/.exec(window.location.pathname);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        {apply ? <ApplyPage roundId={decodeURIComponent(apply[1]!)} /> : <StatusPage />}
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined));
}
