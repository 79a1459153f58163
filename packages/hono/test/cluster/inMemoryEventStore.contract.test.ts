/** The default event store passes the contract several nodes rely on. */
import { InMemoryEventStore } from '@typemcp/hono';
import { describeEventStore } from '../../../../tests/support/storeContracts';

describeEventStore('InMemoryEventStore', async () => new InMemoryEventStore());
