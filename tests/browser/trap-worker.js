// A stand-in for www/worker.js with the same protocol, for testing the client's recovery:
// a request for the file "trap" answers as a trapped instance would (fatal), every other
// request answers with how many requests this worker instance has seen.
let seen = 0;
self.onmessage = (event) => {
  const { id, fileName } = event.data;
  seen += 1;
  if (fileName === "trap") {
    self.postMessage({ id, ok: false, error: { code: "internal", message: "unreachable executed" }, fatal: true });
  } else {
    self.postMessage({ id, ok: true, result: { seen } });
  }
};
