// Import a `jmp` client config: drop it on the zone, or choose it with the
// file picker (a real <input type=file>, so keyboards and tests can use it).
import { Button } from "@/components/button/button";
import { FileImportIcon } from "@patternfly/react-icons";
import { useId, useRef, useState, type DragEvent } from "react";

export interface ConfigDropZoneProps {
  readonly onFile: (file: File) => void;
  readonly isDisabled?: boolean;
}

export function ConfigDropZone({ onFile, isDisabled = false }: ConfigDropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file !== undefined && !isDisabled) onFile(file);
  };

  return (
    <div
      className={dragging ? "portal-drop-zone portal-drop-zone--active" : "portal-drop-zone"}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p id={hintId}>
        Drop the client config file that <code>jmp</code> uses here (for example{" "}
        <code>~/.config/jumpstarter/clients/alice.yaml</code>), or
      </p>
      <input
        ref={inputRef}
        id={inputId}
        className="pf-v6-screen-reader"
        type="file"
        accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
        aria-describedby={hintId}
        // The visible button below is the keyboard's way in; this stays for drops and tests.
        tabIndex={-1}
        disabled={isDisabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file !== undefined) onFile(file);
          // The same file chosen again (after fixing it) must fire again.
          e.currentTarget.value = "";
        }}
      />
      <label htmlFor={inputId} className="pf-v6-screen-reader">
        Client config file
      </label>
      <Button variant="secondary" icon={<FileImportIcon />} isDisabled={isDisabled} onClick={() => inputRef.current?.click()}>
        Choose a client config file…
      </Button>
    </div>
  );
}
