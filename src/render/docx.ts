import type { Negotiation } from '../types.js'
export async function renderDocx(_negotiation: Negotiation, _templates: { cover?: string }): Promise<Uint8Array> {
  return new Uint8Array()
}
