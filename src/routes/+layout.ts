// Reading pages and error pages are rendered on the server and ship no JavaScript; a page that
// needs some (progressive enhancement) sets `csr = true` itself.
export const csr = false;
