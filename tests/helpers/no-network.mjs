// Preloaded (`node --import`) into a build under test: every way Node code reaches the network throws
// and leaves a marker on stderr, so a test can prove the build never tries.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const refuse = (what) =>
  function refused() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    throw new Error(`network access attempted (${what})`);
  };
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
dns.resolve = refuse('dns.resolve');
globalThis.fetch = refuse('fetch');
