// The theme shared by the workspace and the public pages.
import { Badge, createTheme, NumberInput, type CSSVariablesResolver } from "@mantine/core";

// Contrast (WCAG AA, checked by axe-core in the end-to-end suite): a darker primary shade, text on filled
// colours chosen by their luminance, and dimmed text dark enough to read.
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  respectReducedMotion: true,
  luminanceThreshold: 0.45,
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // A number out of range is refused at its field with a message, never silently changed: Mantine would
    // otherwise clamp it on blur (a ticket of −50 saved as 0, a rating of 7 as 5).
    NumberInput: NumberInput.extend({ defaultProps: { clampBehavior: "none" } }),
    // A badge's words are never cut: a table column or a row of badges gives it its full width (Mantine's
    // label would otherwise shrink to an ellipsis, "Clos…", in a squeezed column).
    Badge: Badge.extend({ styles: { root: { minWidth: "max-content", flexShrink: 0 } } }),
  },
});
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7],
    "--mantine-color-anchor": t.colors.blue[8],
    "--mantine-color-error": t.colors.red[9],
  },
  dark: {},
});
