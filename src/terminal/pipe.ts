/**
 * `npm run ask … | head -1`, `npm start | head`: when the reader goes away, stop quietly instead of
 * crashing on EPIPE with a stack trace.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
