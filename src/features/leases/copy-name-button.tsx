// A small button that copies a lease's name (its UUID: what `jmp shell
// --lease` takes), for rows and headings that lead with the board instead.
import { Button } from "@/components/button/button";
import { CheckIcon, CopyIcon } from "@patternfly/react-icons";
import { useEffect, useState } from "react";
import { useLazyTooltip } from "@/components/lazy-tooltip/use-lazy-tooltip";

export interface CopyNameButtonProps {
  /** The lease's bare name. */
  readonly name: string;
  /** Show the name beside the button (the page heading); rows show only the button. */
  readonly showName?: boolean;
}

export function CopyNameButton({ name, showName = false }: CopyNameButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  const { triggerProps, tooltip } = useLazyTooltip<HTMLButtonElement>(copied ? "Copied" : `Copy the lease name ${name}`);
  const copy = (): void => {
    void navigator.clipboard.writeText(name).then(() => setCopied(true));
  };
  return (
    <span className="portal-copy-name">
      {showName && <code className="portal-copy-name__text">{name}</code>}
      <Button
        variant="plain"
        size="sm"
        className="portal-copy-name__button"
        aria-label={`Copy lease name ${name}`}
        icon={copied ? <CheckIcon /> : <CopyIcon />}
        onClick={copy}
        {...triggerProps}
      />
      {tooltip}
    </span>
  );
}
