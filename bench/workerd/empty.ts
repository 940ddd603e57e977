// An empty Worker: bench/workerd/cold.ts's baseline for a Worker's start-up
// (workerd's own). Not part of the product: never deployed.
export default {
  async fetch(): Promise<Response> {
    return new Response('');
  },
};
