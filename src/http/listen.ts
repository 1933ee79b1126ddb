import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts listening and resolves with the bound address, or rejects if the port cannot be had. */
export async function listen(
  httpServer: http.Server,
  port: number,
  host: string,
): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  // Listening on a TCP port, the address is always an AddressInfo (a string only for a pipe).
  return httpServer.address() as AddressInfo;
}
