// The command that opens a shell on the leased board, with a copy button.
// The Router's bidirectional stream cannot travel over gRPC-Web, so the
// terminal runs on the user's machine, not in the browser.
import { Content } from "@/components/content";
import { ClipboardCopy } from "@/components/clipboard-copy";

export function shellCommand(leaseName: string): string {
  return `jmp shell --lease ${leaseName}`;
}

export function ShellCommand({ leaseName }: { leaseName: string }) {
  return (
    <div className="portal-shell-command">
      <ClipboardCopy
        text={shellCommand(leaseName)}
        hoverTip="Copy the command"
        clickTip="Copied"
        copyAriaLabel="Copy the command"
        textAriaLabel="Command to open a shell on the board"
      />
      <Content component="small" className="portal-muted">
        Run it in a terminal on your machine: the board&apos;s Router stream cannot travel over gRPC-Web, so the browser cannot open the shell itself.
      </Content>
    </div>
  );
}
