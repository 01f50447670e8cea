/** What a host may answer a request with: a `Response`, a parsed JSON body, or a promise of either. */
export type HostAnswer = Response | unknown | Promise<Response | unknown>;

/** The detail every request event carries. */
export interface RequestDetail<Request> {
  /** Exactly the POS API body or query for the call, already validated. */
  readonly request: Request;
  /**
   * Answer the request. Call it while the event is being dispatched (synchronously in the listener), once.
   * A rejection (network failure, ky's `HTTPError`) is a failure the element shows. The element reads a `Response`'s
   * body: to read it too, read `response.clone()`, or pass the parsed JSON. An answer it cannot read (a used body, a
   * string, a number) is a setup error named in the console, never retried.
   */
  respondWith(answer: HostAnswer): void;
}

/**
 * Base of the `flexiti-*-request` events: the element asks its host to make one POS API call.
 * Bubbles and is composed, so a listener anywhere above the element (or on `document`) can answer.
 */
export class FlexitiRequestEvent<Request, Name extends string = string> extends Event {
  declare readonly type: Name;
  readonly detail: RequestDetail<Request>;
  #answer: Promise<unknown> | undefined;
  #answered = false;

  constructor(type: Name, request: Request, extra: object = {}) {
    super(type, { bubbles: true, composed: true, cancelable: false });
    this.detail = Object.freeze({
      ...extra,
      request,
      respondWith: (answer: HostAnswer) => this.respondWith(answer),
    });
  }

  /** Same as `detail.respondWith`. */
  respondWith(answer: HostAnswer): void {
    if (this.eventPhase === Event.NONE) {
      throw new DOMException('respondWith() must be called while the event is dispatched.', 'InvalidStateError');
    }
    if (this.#answered) {
      throw new DOMException('respondWith() was already called for this request.', 'InvalidStateError');
    }
    this.#answered = true;
    this.#answer = Promise.resolve(answer);
  }

  /** Whether a listener answered. */
  get answered(): boolean {
    return this.#answered;
  }

  /** The host's answer, once dispatched; `undefined` when nobody answered. */
  get answer(): Promise<unknown> | undefined {
    return this.#answer;
  }
}

// In a module of its own: `connect` (and so the autoloading entry) needs only this name, not the event classes.
export { HOST_CONNECTED_EVENT } from './host-connected.js';
