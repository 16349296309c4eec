// The ISU workspace in Debian's Chromium against the real server: sign in, pick the round, read the
// dashboard, import requests (a bad file first: its rows reported, nothing imported), open a request's
// reasons and review it. axe-core finds no serious or critical violation on any screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, shot, AS_OF_13MSP, startE2E, type E2E } from "./harness.js";
import { wordsProblems } from "./words-check.js";

describe("ISU workspace (end to end)", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ today: AS_OF_13MSP });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("signs in and lands on the rounds", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds`);
    await page.getByLabel("User name").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "01-sign-in");
    await page.getByLabel("User name").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("unknown user name or wrong password").waitFor();
    await page.getByLabel("Password", { exact: true }).fill("demo-admin-13msp");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Rounds" }).waitFor();
    await page.getByRole("link", { name: /^13MSP/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "02-rounds");
  });

  it("shows the round's dashboard: money, requests by status, reference date", async () => {
    const { page } = e;
    await page.getByRole("link", { name: /^13MSP/ }).click();
    await page.getByRole("heading", { name: /13MSP: Thirteenth Meeting/ }).waitFor();
    const money = page.getByRole("table", { name: "Money at a glance" });
    await money.getByText("CHF 28'933").waitFor();
    await money.getByText("CHF 79'802").waitFor();
    await page.getByText("48 in all:").waitFor();
    await page.getByText("States' data as of 16 Sept 2025", { exact: false }).waitFor();
    // Statuses in words, not codes.
    await page.getByText("in review", { exact: true }).first().waitFor();
    expect(await page.getByText(/^(under-review|not-funded|nonparty)\b/).count()).toBe(0);
    // The server's today (20 July 2025), not the browser's, decides what is past: the meeting is ahead.
    expect(await page.getByText("The meeting ended", { exact: false }).count()).toBe(0);
    expect(await page.getByText("The meeting began", { exact: false }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await shot(page, "03-dashboard");
  });

  it("imports requests: a bad file is reported by row and column and imports nothing; a good one imports", async () => {
    const { page } = e;
    await page.getByRole("link", { name: "Requests", exact: true }).click();
    await page.getByText("48 of 48 requests").waitFor();
    const bad = "state,gender,submittedAt,airTicket\nKEN,F,2025-06-02T09:00:00Z,1200\nZZZ,F,2025-06-02T09:00:00Z,lots\n";
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
    await (await chooser).setFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    const problems = page.getByRole("table", { name: "Problems in the file" });
    await problems.getByText('"lots" is not a number').waitFor();
    await page.getByText("48 of 48 requests").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "04-import-errors");
    const good = "state,gender,submittedAt,airTicket,survivor\nKEN,F,2025-06-02T09:00:00Z,1200,yes\nPER,M,2025-06-03T09:00:00Z,1500,no\n";
    const chooser2 = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
    await (await chooser2).setFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByText("2 requests imported.").waitFor();
    await page.getByText("50 of 50 requests").waitFor();
    // Filters and sorting: women from Africa, highest total first.
    await page.getByRole("combobox", { name: "Region" }).click();
    await page.getByRole("option", { name: "African Group" }).click();
    await page.getByRole("combobox", { name: "Gender" }).click();
    await page.getByRole("option", { name: "woman", exact: true }).click();
    const shown = async () => Number((await page.getByText(/^\d+ of 50 requests$/).textContent())!.split(" ")[0]);
    expect(await shown()).toBeGreaterThan(0);
    expect(await shown()).toBeLessThan(50);
    await shot(page, "05-requests");
    // Eligibility, as the rules judge it: a column, and a filter whose counts add up to the whole round.
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await page.getByText("50 of 50 requests").waitFor();
    const table = page.getByRole("table", { name: "Requests" });
    await table.getByRole("columnheader", { name: "Eligibility" }).waitFor();
    const counts: Record<string, number> = {};
    for (const verdict of ["eligible", "admitted by exception", "not eligible"]) {
      await page.getByRole("combobox", { name: "Eligibility" }).click();
      await page.getByRole("option", { name: verdict, exact: true }).click();
      await page.getByText(/^\d+ of 50 requests$/).waitFor();
      counts[verdict] = await shown();
      if (counts[verdict]) expect(await table.getByRole("cell", { name: verdict, exact: true }).count()).toBe(counts[verdict]);
    }
    expect(counts["eligible"]).toBeGreaterThan(30);
    expect(counts["not eligible"]).toBeGreaterThan(0); // 13MSP-047, Zimbabwe, among them
    expect(counts["eligible"]! + counts["admitted by exception"]! + counts["not eligible"]!).toBe(50);
    await shot(page, "05b-requests-not-eligible");
    // The criteria's points on demand, the total always.
    await page.getByLabel("Points of each criterion").check();
    await table.getByRole("columnheader", { name: "Implementation relevance" }).waitFor();
  });

  it("opens a request: its reasons with their points, and saves a review", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/requests/13MSP-004`);
    await page.getByRole("heading", { name: "Request 13MSP-004" }).waitFor();
    const reasons = page.getByRole("table", { name: "Reasons for Technical value" });
    await reasons.getByText("Reviewers' rating of technical value", { exact: false }).waitFor();
    // 7 is refused at the field, not saved as 5.
    await page.getByLabel("Technical value, 0 to 5").fill("7");
    await page.getByText("Enter a rating from 0 to 5: it is not changed for you.").waitFor();
    expect(await page.getByRole("button", { name: "Save my review" }).isDisabled()).toBe(true);
    await page.getByLabel("Technical value, 0 to 5").fill("5");
    await page.getByLabel("Comment").fill("Key presenter on clearance");
    await page.getByRole("button", { name: "Save my review" }).click();
    await page.getByText("Review saved.").waitFor();
    await page.getByText("rating 5 of 5", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "06-request");
  });

  it("shows why a request is not eligible, and accepts a State not party's evidence of interest", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/requests/13MSP-047`);
    await page.getByRole("heading", { name: "Request 13MSP-047" }).waitFor();
    await page.getByRole("alert", { name: "Eligibility: not eligible" }).waitFor();
    await page.getByText("no eligibility condition holds for Zimbabwe", { exact: false }).waitFor();
    await page.getByText("Not yet reviewed.").waitFor();
    expect(await axe(page)).toEqual([]);
    const form = page.getByRole("form", { name: "Review of the evidence of interest" });
    await form.getByLabel("Note (kept in the request's history)").fill("Statement at the intersessional meetings");
    await form.getByRole("button", { name: "Save the review" }).click();
    await page.getByText("Eligible: Signatory or State not party with evidence of interest accepted by the ISU.").waitFor();
    await page.getByText(/Accepted by admin on \d{1,2} \w+ \d{4}: Statement at the intersessional meetings/).waitFor();
    await shot(page, "06b-eligibility");
  });

  it("sets the weights with the ranking recomputed live, and refuses a bad policy next to its field", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/settings`);
    const ranking = page.getByRole("table", { name: "Ranking" });
    await ranking.waitFor();
    // The timing is behind "Technical details", not in the reader's way.
    await page.getByRole("table", { name: "Ranking" }).locator("xpath=..").getByText("Technical details").click();
    await page.getByText(/requests re-scored in the browser in [\d.]+ ms/).waitFor();
    const firstBefore = (await ranking.getByRole("row").nth(1).getByRole("cell").nth(1).textContent())!;
    // Universalization weight to 100 with the keyboard: the ranking changes without a round trip.
    const slider = page.getByRole("slider", { name: "Universalization potential weight" });
    await slider.focus();
    await page.keyboard.press("End");
    await page.getByText("Universalization potential: 100").waitFor();
    await ranking
      .getByText(/\((up|down) \d+\)/)
      .first()
      .waitFor();
    const firstAfter = (await ranking.getByRole("row").nth(1).getByRole("cell").nth(1).textContent())!;
    expect(firstAfter).not.toBe(firstBefore);
    // The unsaved what-if is kept in the browser: a reload restores it.
    await page.getByText("Unsaved what-if: kept in this browser", { exact: false }).waitFor();
    await page.reload();
    await page.getByText(/Your unsaved what-if from .* was restored from this browser/).waitFor();
    await page.getByText("Universalization potential: 100").waitFor();
    const share = page.getByLabel("Share of women at least (%)");
    await share.fill("150");
    await page.getByText("Enter a percentage from 0 to 100.").waitFor();
    await expect(page.getByRole("button", { name: /Save as version/ }).isDisabled()).resolves.toBe(true);
    await share.fill("50");
    expect(await axe(page)).toEqual([]);
    await shot(page, "07a-weights");
    await page.getByLabel("Note for this version").fill("More weight on universalization");
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await page.getByText("Saved. The next run uses these settings.").waitFor();
    // The form shows what was saved, as version 2, with no what-if left over, before and after a reload.
    await page.getByText("Settings version 2").waitFor();
    await page.getByText("Universalization potential: 100").waitFor();
    expect(await page.getByText("Unsaved what-if", { exact: false }).count()).toBe(0);
    await page.reload();
    await page.getByText("Settings version 2").waitFor();
    await page.getByText("Universalization potential: 100").waitFor();
    expect(await page.getByText(/Unsaved what-if|was restored from this browser/).count()).toBe(0);
  });

  it("runs the optimiser, shows the result with its reasons, charts and baselines; a lock and a re-run", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/allocate`);
    await page.getByText("No run yet.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Run the optimiser" }).click();
    const funded = page.getByRole("table", { name: "Funded requests" });
    await funded.waitFor({ timeout: 60_000 });
    await page.getByText("proven optimum").first().waitFor();
    const notFunded = page.getByRole("table", { name: "Requests not funded" });
    await notFunded
      .getByText(/would lower the total value by/)
      .first()
      .waitFor();
    await page.getByRole("table", { name: "Baselines" }).getByText("First come, first served").waitFor();
    await page.getByRole("img", { name: /Sponsored delegates by UN regional group: African Group \d+/ }).waitFor();
    await page.getByRole("img", { name: /The best total score .* at each budget from CHF/ }).waitFor({ timeout: 30_000 });
    expect(await axe(page)).toEqual([]);
    await shot(page, "07-allocate");
    // Lock in a request that was not funded, then run again: it is funded.
    const row = notFunded.getByRole("row").filter({ hasText: "would lower the total value" }).first();
    // The first cell holds the reference, then its State's name.
    const id = (await row.getByRole("cell").first().textContent())!.match(/^[A-Z0-9]+-\d+/)![0];
    await row.getByRole("button", { name: `Lock ${id}` }).click();
    // The dialog is titled with the request and its State, and starts from its current lock (none).
    const dialog = page.getByRole("dialog", { name: new RegExp(`^Lock ${id} \\([A-Z][a-z]`) });
    expect(await dialog.getByRole("radio", { name: "No lock" }).isChecked()).toBe(true);
    await dialog.getByRole("radio", { name: "In: must be funded" }).check();
    await dialog.getByLabel("Justification").fill("Presents the national clearance plan");
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Save the lock" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Run the optimiser" }).click();
    // The new run's result replaces the first's: the locked request is in it, marked as locked.
    await funded.getByRole("row").filter({ hasText: id }).getByText("locked in").waitFor({ timeout: 60_000 });
    // Compare with the first run: the locked request enters.
    // The run's page may still draw itself anew as its queries settle (on a busy machine, after the
    // click), closing the list: open it again until an option is chosen.
    await expect
      .poll(
        async () => {
          await page.getByRole("combobox", { name: "Other run" }).click();
          return page
            .getByRole("option")
            .first()
            .click({ timeout: 5_000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await page.getByText(/Leave in the other run:/).waitFor();
    await shot(page, "08-allocate-locked");
  });

  it("shows the diagnosis when the rules cannot hold", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds/13MSP/settings`);
    // One seat, but two requests are locked in (the demo's 13MSP-001 and the one locked above).
    await page.getByLabel("Seats (delegates at most)").fill("1");
    await page.getByRole("button", { name: /Save as version/ }).click();
    await page.getByText("Saved. The next run uses these settings.").waitFor();
    await page.goto(`${base}/rounds/13MSP/allocate`);
    await page.getByRole("button", { name: "Run the optimiser" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "No allocation keeps every rule" });
    await alert.waitFor({ timeout: 60_000 });
    // Each rule as written, in words, beside what can hold; no rule id on the screen.
    const table = alert.getByRole("table", { name: "Rules that cannot hold" });
    await table.getByRole("cell", { name: "At most 1 delegate is sponsored.", exact: true }).waitFor();
    await table.getByText(/^1 seat is too few.*: \d+ are needed$/).waitFor();
    expect(await alert.getByText(/maxDelegates|minWomenShare|regionMin/).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await shot(page, "08a-diagnosis");
    // Back to 20 seats, and a run to approve.
    await page.goto(`${base}/rounds/13MSP/settings`);
    await page.getByLabel("Seats (delegates at most)").fill("20");
    await page.getByRole("button", { name: /Save as version/ }).click();
    await page.getByText("Saved. The next run uses these settings.").waitFor();
    await page.goto(`${base}/rounds/13MSP/allocate`);
    await page.getByRole("button", { name: "Run the optimiser" }).click();
    await page.getByRole("table", { name: "Funded requests" }).waitFor({ timeout: 60_000 });
  });

  it("approves the run, records a decline and accepts the replacement, and opens the financial statement", async () => {
    const { page, base } = e;
    // The run is of the round as it is: no warning. Then a rating changes after the run: the approval
    // says that the run is out of date and what changed, and asks before approving it as it was.
    const runUrl = page.url();
    expect(await page.getByRole("region", { name: "This run is out of date" }).count()).toBe(0);
    await page.goto(`${base}/rounds/13MSP/requests/13MSP-005`);
    await page.getByLabel("Technical value, 0 to 5").fill("1");
    await page.getByRole("button", { name: "Save my review" }).click();
    await page.getByText("Review saved.").waitFor();
    await page.goto(runUrl);
    const stale = page.getByRole("region", { name: "This run is out of date" });
    await stale.getByText(/^13MSP-005 \([A-Z][a-z][^)]*\): \d+\.\d\d points then, \d+\.\d\d now\.$/).waitFor({ timeout: 30_000 });
    await page.getByLabel("Offers to be accepted by").fill("2025-08-15");
    expect(await page.getByRole("button", { name: "Approve this run" }).isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, "08b-run-out-of-date");
    await stale.getByLabel("Approve this run as it was, without these changes").check();
    // A deadline after the meeting's first day is refused at the field.
    await page.getByLabel("Offers to be accepted by").fill("2025-09-20");
    await page.getByText("Must be on or before the meeting's first day (16 September 2025)", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Approve this run" }).isDisabled()).toBe(true);
    await page.getByLabel("Offers to be accepted by").fill("2025-08-15");
    await page.getByRole("button", { name: "Approve this run" }).click();
    // Nothing is published before the confirmation, which says what will happen.
    const dialog = page.getByRole("dialog", { name: "Approve and publish this allocation?" });
    await dialog
      .getByText(
        /^This run is out of date: the change since it was made is not in it\. 20 applicants are offered sponsorship \(CHF\s[\d']+ committed\), to accept by 15 Aug 2025; 5 go on the waiting list/,
      )
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "08-approve-confirm");
    await dialog.getByRole("button", { name: "Yes, approve and publish" }).click();
    // The run shows as approved, with the time (the form's own confirmation may be gone already).
    await page.getByText(/^Approved \d{1,2} \w+ \d{4}, \d{2}:\d{2}: the decisions are published\.$/).waitFor();
    await page.getByRole("link", { name: "After the decision" }).click();
    const offers = page.getByRole("table", { name: "Offers" });
    await offers.waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "09-after-decision");
    // The first offer is declined: a replacement is proposed and accepted.
    const first = offers.getByRole("row").nth(1);
    const id = (await first.getByRole("link").first().textContent())!.trim();
    await first.getByRole("button", { name: `${id}: Declined` }).click();
    await page.getByRole("dialog", { name: "Record: declined?" }).getByRole("button", { name: "Yes, record it" }).click();
    await offers.getByRole("row").filter({ hasText: id }).getByText("Declined", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Propose replacements" }).click();
    // The proposal in words: each request with its State, gender, group and level in words, never as codes.
    const summary = page.getByText(new RegExp(`^${id} \\([^)]+\\) released \\(declined\\)`));
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.innerText()).toMatch(
      / \([^():]+: (woman|man|other|not said), [A-Z][\w -]+ Group, [\w ]*support, CHF\s[\d']+\) proposed in their place/,
    );
    expect(await wordsProblems(page, "after, proposal", "en")).toEqual([]);
    const proposed = page.getByRole("table", { name: "Proposed replacements" });
    const replacement = (await proposed.getByRole("row").nth(1).getByRole("cell").first().textContent())!.trim();
    await page.getByLabel("Replacements accept by").fill("2025-09-01");
    await page.getByRole("button", { name: "Accept the replacement" }).click();
    // A confirmation first: who is offered what, to accept by when.
    const confirm = page.getByRole("dialog", { name: "Make the replacement offers?" });
    await confirm
      .getByText(
        new RegExp(`^${replacement} \\([^)]+\\) is offered sponsorship \\(CHF\\s[\\d']+ committed\\), to accept by 1 Sept? 2025\\.`),
      )
      .waitFor();
    await shot(page, "09b-replacement-confirm");
    await confirm.getByRole("button", { name: "Yes, make the offers" }).click();
    await page.getByText("Replacement applied: the new offers are pending.").waitFor();
    await offers.getByRole("row").filter({ hasText: replacement }).getByText("Awaiting an answer").waitFor();
    // Actual cost of an accepted offer, then the statement.
    const row = offers.getByRole("row").filter({ hasText: replacement });
    await row.getByRole("button", { name: `${replacement}: Accepted` }).click();
    await page.getByRole("dialog", { name: "Record: accepted?" }).getByRole("button", { name: "Yes, record it" }).click();
    await offers.getByRole("row").filter({ hasText: replacement }).getByText("Accepted", { exact: true }).waitFor();
    const statement = page.getByRole("table", { name: "Financial statement" });
    await statement.getByText("Total Contributions").waitFor();
    await statement.getByText("CHF 53'683").waitFor();
    await statement.getByText("Contributions deferred from earlier years").waitFor();
    await shot(page, "10-statement");
    await page.getByRole("link", { name: "Print-ready page" }).click();
    await page.getByRole("button", { name: "Print" }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "11-statement-print");
  });

  it("shows the audit log with its chain intact", async () => {
    const { page, base } = e;
    await page.goto(`${base}/audit`);
    await page.getByText("The chain is intact").waitFor();
    const log = page.getByRole("table", { name: "Audit log" });
    await log.getByText("approved an allocation").first().waitFor();
    // Who did what to which record, in words: a request with its State, no JSON, no run id.
    await log
      .getByText(/^13MSP-\d{3} · /)
      .first()
      .waitFor();
    expect(await log.innerText()).not.toMatch(/[{}]|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await axe(page)).toEqual([]);
    await shot(page, "12-audit");
  });

  it("creates a round, edits it and moves it along its statuses", async () => {
    const { page, base } = e;
    await page.goto(`${base}/rounds`);
    await page.getByRole("button", { name: "New round" }).click();
    const dialog = page.getByRole("dialog", { name: "New round" });
    await dialog.getByLabel("Round id (e.g. 14MSP)").fill("14MSP");
    await dialog.getByLabel("Meeting", { exact: true }).fill("Fourteenth Meeting of States Parties");
    // The meeting's name in French (the place left in English: applicants then read "Geneva").
    await dialog.getByLabel("Meeting, in French").fill("Quatorzième Assemblée des États parties");
    await dialog.getByLabel("First day").fill("2026-09-14");
    await dialog.getByLabel("Last day").fill("2026-09-10");
    await dialog.getByLabel("Applications open").fill("2026-05-01");
    await dialog.getByLabel("Applications close").fill("2026-07-15");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("must not be before the first day").waitFor();
    expect(await axe(page)).toEqual([]);
    await dialog.getByLabel("Last day").fill("2026-09-17");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { name: "14MSP: Fourteenth Meeting of States Parties" }).waitFor();
    await page.getByRole("button", { name: "Edit the round" }).click();
    const edit = page.getByRole("dialog", { name: "Edit 14MSP" });
    // The money carried in is the year's (2026 follows 2025 here): the round edits its reserve.
    await edit.getByLabel("Reserve (CHF)").fill("12000");
    await edit.getByLabel("Venue, in French").fill("Genève");
    await edit.getByLabel("Meeting, in Spanish").fill("Decimocuarta Reunión de los Estados Partes");
    await edit.getByRole("button", { name: "Save", exact: true }).click();
    await edit.waitFor({ state: "detached" });
    await page
      .getByRole("row", { name: /held back from the allocation/ })
      .getByText("CHF 12'000")
      .waitFor();
    // The applicants' page says the meeting and its place in their language.
    const fr = (await (await page.request.get(`${base}/apply/14MSP?lang=fr`)).text()).replace(/\u00a0/g, " ");
    expect(fr).toContain("pour la réunion « Quatorzième Assemblée des États parties », Genève, du");
    const es = await (await page.request.get(`${base}/apply/14MSP?lang=es`)).text();
    expect(es).toContain("para la reunión «Decimocuarta Reunión de los Estados Partes», Geneva, del");
    // A move says what it does before it happens.
    await page.getByRole("button", { name: "Open for requests" }).click();
    const confirm = page.getByRole("dialog", { name: "Open for requests?" });
    await confirm.getByText("Applicants can submit requests through the public form", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Open for requests" }).click();
    await page.getByText("open for requests", { exact: true }).waitFor();
    await shot(page, "13-round-edited");
  });

  it("reads at a narrow window: the navigation folds, the screens stay usable and clean", async () => {
    const { page, base } = e;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/rounds/13MSP`);
    await page.getByRole("heading", { name: /13MSP: Thirteenth Meeting/ }).waitFor();
    await page.getByRole("button", { name: "Show the navigation" }).click();
    await page.getByRole("link", { name: "Requests", exact: true }).click();
    await page.getByText(/of 50 requests/).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, "14-narrow-requests");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
