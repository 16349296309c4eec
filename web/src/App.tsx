// The ISU workspace: sign-in, then a round and its screens, in an app shell with a navigation bar.
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from "react";
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useParams } from "react-router-dom";
import { ErrorAlert, Loading } from "./components/status.js";
import { useSession, useSignOut } from "./features/accounts/index.js";

// Code-split: each screen is its own chunk. (The applicants' pages are the server's: server/routes/pages.tsx.)
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const SignInPage = page(() => import("./features/accounts/SignInPage.js"), "SignInPage");
const RoundsPage = page(() => import("./features/rounds/RoundsPage.js"), "RoundsPage");
const DashboardPage = page(() => import("./features/rounds/DashboardPage.js"), "DashboardPage");
const RequestsPage = page(() => import("./features/requests/RequestsPage.js"), "RequestsPage");
const RequestPage = page(() => import("./features/requests/RequestPage.js"), "RequestPage");
const SettingsPage = page(() => import("./features/settings/SettingsPage.js"), "SettingsPage");
const AllocatePage = page(() => import("./features/allocation/AllocatePage.js"), "AllocatePage");
const AfterPage = page(() => import("./features/decisions/AfterPage.js"), "AfterPage");
const StatementPrintPage = page(() => import("./features/decisions/Statement.js"), "StatementPrintPage");
const YearsPage = page(() => import("./features/years/YearsPage.js"), "YearsPage");
const YearPage = page(() => import("./features/years/YearPage.js"), "YearPage");
const YearStatementPrintPage = page(() => import("./features/years/YearPage.js"), "YearStatementPrintPage");
const MessagesPage = page(() => import("./features/messages/MessagesPage.js"), "MessagesPage");
const AuditPage = page(() => import("./features/audit/AuditPage.js"), "AuditPage");
const ReviewQueuePage = page(() => import("./features/reviews/ReviewQueuePage.js"), "ReviewQueuePage");
// The donors' frame (their language switch and words) loads with their pages, not with the ISU's.
const DonorFrame = lazy(async () => ({ default: (await import("./features/donors/DonorFrame.js")).DonorFrame }));
const DonorHome = page(() => import("./features/donors/DonorPages.js"), "DonorHome");
const DonorRationalePage = page(() => import("./features/donors/DonorPages.js"), "DonorRationalePage");

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/" element={<Home />} />
          <Route
            path="/reviews"
            element={
              <Staff>
                <ReviewQueuePage />
              </Staff>
            }
          />
          <Route
            path="/rounds"
            element={
              <Staff>
                <RoundsPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId"
            element={
              <Staff>
                <DashboardPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/requests"
            element={
              <Staff>
                <RequestsPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/requests/:requestId"
            element={
              <Staff>
                <RequestPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/settings"
            element={
              <Staff>
                <SettingsPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/allocate"
            element={
              <Staff>
                <AllocatePage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/after"
            element={
              <Staff>
                <AfterPage />
              </Staff>
            }
          />
          <Route
            path="/rounds/:roundId/statement"
            element={
              <Staff bare>
                <StatementPrintPage />
              </Staff>
            }
          />
          <Route
            path="/years"
            element={
              <Staff>
                <YearsPage />
              </Staff>
            }
          />
          <Route
            path="/years/:year"
            element={
              <Staff>
                <YearPage />
              </Staff>
            }
          />
          <Route
            path="/years/:year/statement"
            element={
              <Staff bare>
                <YearStatementPrintPage />
              </Staff>
            }
          />
          <Route
            path="/messages"
            element={
              <Staff>
                <MessagesPage />
              </Staff>
            }
          />
          <Route
            path="/audit"
            element={
              <Staff>
                <AuditPage />
              </Staff>
            }
          />
          <Route
            path="/donor"
            element={
              <DonorOnly>
                <DonorHome />
              </DonorOnly>
            }
          />
          <Route
            path="/donor/:roundId"
            element={
              <DonorOnly>
                <DonorRationalePage />
              </DonorOnly>
            }
          />
          <Route
            path="*"
            element={
              <Staff>
                <ErrorAlert title="Not found" error={new Error("There is no page at this address.")} />
              </Staff>
            }
          />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

/** Where each role lands: reviewers on their queue, donors on their pages, administrators on the rounds. */
const landingOf = (role: string): string => (role === "donor" ? "/donor" : role === "reviewer" ? "/reviews" : "/rounds");

function Home() {
  const session = useSession();
  if (session.isPending) return <Loading label="Checking the session" />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return <Navigate to={session.data ? landingOf(session.data.role) : "/signin"} replace />;
}

/** Staff screens: signed in as admin or reviewer, in the shell. */
function Staff({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Checking the session" />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (session.data.role === "donor") return <Navigate to="/donor" replace />;
  return bare ? <>{children}</> : <Shell>{children}</Shell>;
}

/** Donors' pages: signed in as a donor (or an admin, who may read what donors read), a plain header. */
function DonorOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Checking the session" />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (session.data.role === "reviewer") return <Navigate to="/rounds" replace />;
  return <DonorFrame userMenu={(label) => <UserMenu signOut={label} />}>{children}</DonorFrame>;
}

/** The signed-in user's name and the sign-out button, in every header. */
function UserMenu({ signOut: label = "Sign out" }: { signOut?: string }) {
  const session = useSession();
  const signOut = useSignOut();
  return (
    <Group wrap="nowrap">
      <Text size="sm" visibleFrom="sm">
        {session.data?.displayName}
      </Text>
      <Button variant="default" size="xs" onClick={() => void signOut()}>
        {label}
      </Button>
    </Group>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { roundId } = useParams();
  const session = useSession();
  const location = useLocation();
  // On a narrow window the navigation folds away again once a screen is chosen.
  useEffect(() => close(), [location.pathname, close]);
  const links = roundId
    ? [
        { to: `/rounds/${roundId}`, label: "Dashboard" },
        { to: `/rounds/${roundId}/requests`, label: "Requests" },
        { to: `/rounds/${roundId}/settings`, label: "Weights and rules" },
        { to: `/rounds/${roundId}/allocate`, label: "Allocate" },
        { to: `/rounds/${roundId}/after`, label: "After the decision" },
      ]
    : [];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show the navigation" />
            <Title order={1} size="h4">
              <Link to="/rounds" style={{ color: "inherit", textDecoration: "none" }}>
                Sponsorship Programme
              </Link>
            </Title>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Round">
        <NavLink component={Link} to="/reviews" label="Requests to review" active={location.pathname === "/reviews"} variant="filled" />
        <NavLink component={Link} to="/rounds" label="All rounds" active={location.pathname === "/rounds"} variant="filled" />
        <NavLink component={Link} to="/years" label="Programme years" active={location.pathname.startsWith("/years")} variant="filled" />
        {roundId && (
          <Text size="xs" c="dimmed" mt="sm" px="sm">
            Round {roundId}
          </Text>
        )}
        {links.map((l) => (
          <NavLink key={l.to} component={Link} to={l.to} label={l.label} active={location.pathname === l.to} variant="filled" />
        ))}
        <NavLink component={Link} to="/messages" label="Messages" active={location.pathname === "/messages"} variant="filled" mt="md" />
        {session.data?.role === "admin" && (
          <NavLink component={Link} to="/audit" label="Audit log" active={location.pathname === "/audit"} variant="filled" />
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
