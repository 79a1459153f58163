import 'reflect-metadata';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Context, createServer, Field, McpServer, Tool } from '@typemcp/server';
import { connect } from '../support/connect';

class Booking {
  @Field({ description: 'Contact email' }) @IsEmail() email!: string;
  @IsInt() @Min(1) @Max(8) guests!: number;
  @IsIn(['indoor', 'terrace']) seating!: string;
  @IsOptional() @IsBoolean() highChair?: boolean;
}

class Nested {
  @ValidateNested() @Type(() => Booking) booking!: Booking;
}

@McpServer({ name: 'elicit-dto', version: '1.0.0' })
class Restaurant {
  @Tool()
  async book(ctx: Context): Promise<string> {
    const answer = await ctx.elicit('Book a table?', Booking, { key: 'booking' });
    if (answer.action !== 'accept' || !answer.content) return `no booking (${answer.action})`;
    return `${answer.content.guests} guests, ${answer.content.seating}, ${answer.content.email}, instance=${answer.content instanceof Booking}`;
  }

  @Tool()
  async nested(ctx: Context): Promise<string> {
    await ctx.elicit('Nested?', Nested);
    return 'unreachable';
  }
}

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
};

describe('ctx.elicit with a DTO', () => {
  it('asks with the DTO restricted schema and returns a validated instance', async () => {
    const peer = await connect(createServer({ providers: [Restaurant] }).server);
    const r1 = (await peer.request('tools/call', { name: 'book', arguments: {}, _meta: META }))
      .result as Record<string, any>;
    expect(r1.inputRequests.booking.params.requestedSchema).toEqual({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', description: 'Contact email' },
        guests: { type: 'integer', minimum: 1, maximum: 8 },
        seating: { type: 'string', enum: ['indoor', 'terrace'] },
        highChair: { type: 'boolean' },
      },
      required: ['email', 'guests', 'seating'],
    });
    const ok = await peer.request('tools/call', {
      name: 'book',
      arguments: {},
      requestState: r1.requestState,
      inputResponses: {
        booking: { action: 'accept', content: { email: 'a@b.co', guests: 2, seating: 'terrace' } },
      },
      _meta: META,
    });
    expect(ok.result?.content).toEqual([
      { type: 'text', text: '2 guests, terrace, a@b.co, instance=true' },
    ]);
  });

  it('refuses an answer that does not match the DTO, naming each field', async () => {
    const peer = await connect(createServer({ providers: [Restaurant] }).server);
    const res = await peer.request('tools/call', {
      name: 'book',
      arguments: {},
      inputResponses: {
        booking: { action: 'accept', content: { email: 'nope', guests: 20, seating: 'roof' } },
      },
      _meta: META,
    });
    expect(res.error?.code).toBe(-32602);
    expect(res.error?.message).toMatch(/- email: email must be an email/);
    expect(res.error?.message).toMatch(/- guests: guests must not be greater than 8/);
  });

  it('names the class and property a DTO cannot elicit', async () => {
    const peer = await connect(createServer({ providers: [Restaurant] }).server);
    const res = await peer.request('tools/call', { name: 'nested', arguments: {}, _meta: META });
    expect(res.result?.isError).toBe(true);
    expect(res.result?.content?.[0].text).toMatch(
      /^Nested\.booking cannot be asked for in an elicitation/,
    );
  });
});
