// The query string as it is now. React Router's functional setSearchParams
// starts from the params of the render that made it, so a debounced write
// (the selector field's) would drop a change made meanwhile (a search typed
// after it); filters are written over the address bar's params instead.
export function currentParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
