// Light / dark / follow the system, remembered on this device.
import { ToggleGroupItem, ToggleGroup } from "@/components/toggle-group";
import { DesktopIcon, MoonIcon, SunIcon } from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { useTheme, type ThemePreference } from "@/lib/theme";

const OPTIONS: readonly { value: ThemePreference; text: string; icon: ReactNode }[] = [
  { value: "light", text: "Light", icon: <SunIcon /> },
  { value: "dark", text: "Dark", icon: <MoonIcon /> },
  { value: "system", text: "System", icon: <DesktopIcon /> },
];

/** `idPrefix` tells two toggles on one page apart (the masthead's and the phone navigation's). */
export function ThemeToggle({ idPrefix = "theme" }: { idPrefix?: string }) {
  const { preference, setPreference } = useTheme();
  return (
    <ToggleGroup aria-label="Theme" isCompact>
      {OPTIONS.map((o) => (
        <ToggleGroupItem
          key={o.value}
          icon={o.icon}
          aria-label={`${o.text} theme`}
          buttonId={`${idPrefix}-${o.value}`}
          isSelected={preference === o.value}
          onChange={() => setPreference(o.value)}
        />
      ))}
    </ToggleGroup>
  );
}
