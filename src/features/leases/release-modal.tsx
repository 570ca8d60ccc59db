// "Release rcar-s4-01?": releasing cannot be undone, so it is confirmed,
// naming the board (or the lease while it has none).
import { Modal, ModalBody, ModalFooter, ModalHeader } from "@patternfly/react-core";
import { Button } from "@/components/button/button";

export interface ReleaseModalProps {
  readonly isOpen: boolean;
  /** The board, or the lease name while it holds none. */
  readonly subject: string;
  readonly leaseName: string;
  readonly holdsBoard: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ReleaseModal({ isOpen, subject, leaseName, holdsBoard, onConfirm, onCancel }: ReleaseModalProps) {
  const titleId = `release-${leaseName}-title`;
  const bodyId = `release-${leaseName}-body`;
  return (
    <Modal isOpen={isOpen} onClose={onCancel} variant="small" aria-labelledby={titleId} aria-describedby={bodyId}>
      <ModalHeader title={`Release ${subject}?`} labelId={titleId} titleIconVariant="warning" />
      <ModalBody id={bodyId}>
        {holdsBoard
          ? `Lease ${leaseName} ends now and ${subject} goes back to the lab for others. This cannot be undone.`
          : `Lease ${leaseName} ends now and stops waiting for a board. This cannot be undone.`}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm}>
          Release
        </Button>
        <Button variant="link" onClick={onCancel}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
