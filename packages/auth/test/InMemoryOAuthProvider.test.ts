import { InMemoryOAuthProvider } from '@typemcp/auth';
import { providerContract } from './support/providerContract';

providerContract('InMemoryOAuthProvider', {
  open: async () => new InMemoryOAuthProvider({ approve: () => ({ subject: 'alice' }) }),
});
