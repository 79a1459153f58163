/**
 * A response body as text, read no further than `maxBytes` (an authorization server or resource
 * is not trusted to send a small document); past the limit the body is cancelled and this throws.
 */
export async function readLimited(
  response: Response,
  maxBytes: number,
  what: string,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`${what} is larger than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}
