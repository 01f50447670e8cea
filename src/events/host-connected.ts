/**
 * Dispatched on `window` by `connect()` once its listeners are in place; a host that adds its own listeners late
 * (after a framework's hydration) may dispatch it too: elements whose own early request (terms, the checkout)
 * found nobody ask again.
 */
export const HOST_CONNECTED_EVENT = 'flexiti-host-connected';
