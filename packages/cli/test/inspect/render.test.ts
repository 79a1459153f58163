import { renderListing } from '../../src/inspect/render';

describe('renderListing', () => {
  it('prints aligned tables (no colours when stdout is not a terminal)', () => {
    const text = renderListing({
      server: { name: 'Demo', version: '1.0.0' },
      protocolVersion: '2025-11-25',
      era: 'legacy',
      transport: 'stdio',
      tools: [
        {
          name: 'add',
          description: 'Add two numbers',
          inputSchema: {
            type: 'object',
            properties: { a: { type: 'number' }, tag: { enum: ['x', 'y'] } },
            required: ['a'],
          },
        },
      ],
      resources: [],
      resourceTemplates: [{ uriTemplate: 'greeting://{name}', name: 'greeting' }],
      prompts: [
        { name: 'greetUser', arguments: [{ name: 'name', required: true }, { name: 'style' }] },
      ],
    });
    expect(text).toMatchInlineSnapshot(`
"Demo 1.0.0 · protocol 2025-11-25 (legacy) over stdio

Tools (1)
  NAME  ARGUMENTS                 DESCRIPTION
  add   a: number, tag?: "x"|"y"  Add two numbers

Resources (0)

Resource templates (1)
  URI TEMPLATE       NAME      DESCRIPTION
  greeting://{name}  greeting

Prompts (1)
  NAME       ARGUMENTS     DESCRIPTION
  greetUser  name, style?
"
`);
  });
});
