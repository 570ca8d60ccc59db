// One board on the wall: name, state (icon, words, colour), holder, time left.
import type { CSSProperties } from "react";
import { ATTENTION_WORDS, type WallTile } from "@/features/wall/wall-tiles";
import { STATE_ICON, stateClass } from "@/features/wall/wall-look";

export function WallTileView({ tile, style }: { tile: WallTile; style: CSSProperties }) {
  const soon = tile.attention === "ending-soon";
  return (
    <li className={`wall-tile ${stateClass(tile.state.kind)}${tile.attention === undefined ? "" : " wall-tile-attention"}`} style={style} data-board={tile.name}>
      <span className="wall-tile-name">{tile.name}</span>
      <span className="wall-tile-state">
        <span className="wall-icon" aria-hidden="true">
          {STATE_ICON[tile.state.kind]}
        </span>
        {tile.state.text}
      </span>
      <span className="wall-tile-line">{tile.holder === undefined ? "\u00a0" : tile.holder}</span>
      <span className={soon ? "wall-tile-line wall-tile-soon" : "wall-tile-line"}>
        {tile.timeLeft === undefined ? "\u00a0" : soon ? `${tile.timeLeft} · ${ATTENTION_WORDS["ending-soon"]}` : tile.timeLeft}
      </span>
    </li>
  );
}
