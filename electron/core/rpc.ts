import { z } from 'zod';
import {
  contract,
  type Access,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/contract';
import { fieldIssues } from '../../shared/domain/validation';
import { CasebookError, type Result } from '../../shared/result';
import { diskProblem } from './storage/files';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/**
 * Every domain's handlers in one map. A channel answered by two domains is a mistake (spread into one
 * object, the later would silently replace the earlier): it stops Casebook at start-up, naming it.
 * The type still demands a handler for every channel of the contract.
 */
export function joinHandlers<const T extends readonly Partial<Handlers>[]>(domains: T): Intersection<T[number]> {
  const joined: Record<string, unknown> = {};
  for (const domain of domains)
    for (const [channel, handler] of Object.entries(domain)) {
      if (channel in joined) throw new Error(`Two domains answer the channel ${channel}`);
      joined[channel] = handler;
    }
  return joined as Intersection<T[number]>;
}

/** Checks, before a handler runs, that the caller may use a channel of this access level. */
export type Gate = (channel: Channel, access: Access) => void;

/** Checks, after the input is read, that the call is about clients the caller may see (clients/reach.ts). */
export type SubjectCheck = (channel: Channel, input: unknown) => void;

/** Something unexpected: logged without any input (it may hold client details), returned as INTERNAL. */
export type ReportInternal = (channel: string, err: unknown) => void;

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

/**
 * The one way into the core: gate -> validate input -> whose client -> handler -> validate output -> envelope.
 * Nothing thrown crosses the boundary; every failure is `{ ok: false, error: { code, message } }`.
 */
export async function dispatch(
  handlers: Handlers,
  gate: Gate,
  channel: string,
  raw: unknown,
  reportInternal: ReportInternal = () => {},
  checkSubject: SubjectCheck = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No channel named ${channel.slice(0, 80)}` } };
  const def = contract[channel];
  try {
    gate(channel, def.access);
    const parsed = (def.input as z.ZodType).safeParse(raw ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'BAD_INPUT', message: `Invalid input for ${channel}`, fields: fieldIssues(parsed.error) },
      };
    }
    checkSubject(channel, parsed.data);
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const out = (def.output as z.ZodType).safeParse(value);
    if (!out.success) {
      reportInternal(
        channel,
        new Error(
          `Output of ${channel} does not match the contract: ${out.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        ),
      );
      return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected result' } };
    }
    return { ok: true, value: out.data };
  } catch (err) {
    if (err instanceof CasebookError) return { ok: false, error: err.toAppError() };
    reportInternal(channel, err);
    // A full or read-only disk says so (the change was not saved: SQLite rolled it back).
    const disk = diskProblem(err);
    if (disk) return { ok: false, error: { code: disk, message: 'The records could not be saved' } };
    return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } };
  }
}
