/** The request body as text, or `undefined` when it exceeds `limit` bytes (the rest is drained). */
export async function readBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await drain(request, limit * 4);
    return undefined;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and drops up to `max` bytes so the client gets our answer instead of a reset. */
async function drain(request: Request, max: number): Promise<void> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    while (size < max) {
      const { value, done } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away
  }
}
