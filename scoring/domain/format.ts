// Numbers as the ISU writes them: Swiss francs with apostrophes (CHF 53'683), amounts and points to the
// hundredth.

export function chf(x: number): string {
  const [int, dec] = Math.abs(x).toFixed(2).split(".") as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `${x < 0 ? "-" : ""}${grouped}${dec === "00" ? "" : "." + dec}`;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
