// The boot frame of index.html, as React draws it while a route's code is
// still loading (the router's hydrate fallback): the same markup, styled by
// the same inline style, so the frame the HTML painted stays as it is until
// the page replaces it. boot-frame.test.ts keeps the two identical.

export function BootFrame() {
  return (
    <div className="boot">
      <div className="boot__masthead">Jumpstarter Lab Portal</div>
      <div className="boot__panel">
        <p className="boot__card-title">Jumpstarter Lab Portal</p>
        <p className="boot__status" role="status">
          Loading the portal…
        </p>
      </div>
    </div>
  );
}
