import 'reflect-metadata';
import { Context, McpServer, Tool } from '@typemcp/server';

/** The protected tools: anyone signed in may ask who they are; only `admin` may do the rest. */
@McpServer({
  name: 'auth-demo',
  version: '1.0.0',
  instructions: 'A protected MCP server: whoami and admin_only.',
})
export class Demo {
  @Tool({ description: 'Who the server thinks you are: the token subject, client and scopes' })
  whoami(ctx: Context): { subject: string; clientId: string; scopes: string[] } {
    return {
      subject: ctx.auth?.subject ?? 'anonymous',
      clientId: ctx.auth?.clientId ?? '',
      scopes: ctx.auth?.scopes ?? [],
    };
  }

  @Tool({ description: 'Something only administrators may do', scopes: ['admin'] })
  admin_only(): string {
    return 'Welcome, administrator.';
  }
}
