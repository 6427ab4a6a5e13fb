/** The one function the preload (or, in tests, the bridge) puts on the page. */
interface Window {
  casebook: {
    invoke(channel: string, input: unknown): Promise<unknown>;
  };
}
